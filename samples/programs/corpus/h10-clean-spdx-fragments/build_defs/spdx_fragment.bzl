_SUPPLIER = "Organization: Debian"
_DOWNLOAD = "https://snapshot.debian.org/package/{package}/{version}/"

def _package_element(image, entry):
    spdx_id = "SPDXRef-%s-%s-%s" % (image, entry["package"].replace(".", "-").replace("+", "p"), entry["arch"])
    return {
        "SPDXID": spdx_id,
        "name": entry["package"],
        "versionInfo": entry["version"],
        "supplier": _SUPPLIER,
        "downloadLocation": _DOWNLOAD.format(**entry),
        "filesAnalyzed": False,
        "externalRefs": [{
            "referenceCategory": "PACKAGE-MANAGER",
            "referenceType": "purl",
            "referenceLocator": "pkg:deb/debian/%s@%s?arch=%s&distro=debian-12" % (entry["package"], entry["version"], entry["arch"]),
        }],
        "comment": "installed in oci://registry.internal/security/%s" % image,
    }

def image_spdx_fragments(name, image_contents):
    """One SPDX package element per OS package of each image, merged by //tools/sbom:merge."""
    fragments = []
    for image, entries in image_contents.items():
        if not image.replace("-", "").isalnum():
            fail("bad image name " + image)
        for entry in entries:
            element = _package_element(image, entry)
            target = "%s_%s_%s" % (image, entry["package"], entry["arch"])
            genrule(
                name = target.replace("-", "_").replace(".", "_").replace("+", "p"),
                out = target + ".spdx.json",
                cmd = "echo '%s' > $OUT" % json.encode(element),
            )
            fragments.append(":" + target.replace("-", "_").replace(".", "_").replace("+", "p"))
    genrule(
        name = name,
        srcs = fragments,
        out = name + ".spdx.json",
        cmd = "$(exe //tools/sbom:merge) $SRCS > $OUT",
    )
