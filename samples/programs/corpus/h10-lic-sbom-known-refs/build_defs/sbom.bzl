load("//build_defs:sbom_common.bzl", "SBOM")

def _check_license(component):
    refs = SBOM.known_license_refs()
    return ("|" + component.license.upper() + "|") in refs

def _sbom_fragments_impl(name, components, namespace):
    fragment_names = []
    for component in components:
        if not _check_license(component):
            fail("{}: {} declares unknown SPDX license {}".format(name, component.name, component.license))
        fragment = "%s_%s_spdx" % (name, component.name)
        genrule(
            name = fragment,
            out = component.name + ".spdx",
            cmd = "cat > $OUT <<'EOF'\n" + SBOM.render_component(component, namespace) + "\nEOF",
        )
        fragment_names.append(":" + fragment)
    genrule(
        name = name,
        srcs = fragment_names,
        out = name + ".spdx",
        cmd = "echo 'SPDXVersion: {}' > $OUT && cat $SRCS >> $OUT".format(SBOM.spec_version),
    )

def sbom_fragments(name, components, namespace = "SPDXRef-DOCUMENT"):
    if not hasattr(SBOM, "render_component"):
        fail("sbom_common.bzl is too old")
    _sbom_fragments_impl(name, [struct(**c) for c in components], namespace)
