load("//build_defs:license_texts.bzl", "LICENSE_TEXTS")

_RULE = "-" * 72

def _attribution(pkg):
    return "{name} {version}\nCopyright (c) {author}\nLicense: {license}\n\n{text}\n{rule}\n".format(
        name = pkg["name"],
        version = pkg["version"],
        author = pkg["author"],
        license = pkg["license"],
        text = LICENSE_TEXTS[pkg["license"]],
        rule = _RULE,
    )

def third_party_notice(name, packages, product):
    """NOTICE file listing every bundled npm package with its license text."""
    notice = "THIRD-PARTY SOFTWARE NOTICES for %s\n%s\n" % (product, _RULE)
    for pkg in sorted(packages, key = lambda p: p["name"]):
        if pkg["license"] not in LICENSE_TEXTS:
            fail("%s: no license text for %s" % (pkg["name"], pkg["license"]))
        notice += _attribution(pkg)
    genrule(
        name = name,
        out = "NOTICE",
        cmd = "cat > $OUT <<'EOF'\n" + notice + "EOF",
    )
