load("//build_defs:spdx_list.bzl", "SPDX_LICENSE_IDS")

def _known_license_refs():
    return "|" + "|".join(sorted([ref.upper() for ref in SPDX_LICENSE_IDS])) + "|"

def _render_component(component, namespace):
    return "\n".join([
        "PackageName: " + component.name,
        "SPDXID: SPDXRef-" + component.name.replace("_", "-"),
        "PackageVersion: " + component.version,
        "PackageDownloadLocation: " + component.url,
        "PackageLicenseDeclared: " + component.license,
        "ExternalRef: PACKAGE-MANAGER purl pkg:generic/{}@{}".format(component.name, component.version),
        "Relationship: " + namespace + " CONTAINS SPDXRef-" + component.name.replace("_", "-"),
    ])

SBOM = struct(
    known_license_refs = _known_license_refs,
    render_component = _render_component,
    spec_version = "SPDX-2.3",
)
