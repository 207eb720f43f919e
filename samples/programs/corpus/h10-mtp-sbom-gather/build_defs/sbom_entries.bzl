def file_entry(dist, path):
    purl = "pkg:pypi/%s@%s" % (dist["name"], dist["version"])
    return {
        "SPDXID": "SPDXRef-File-%s-%s" % (dist["name"], path.replace("/", "-").replace(".", "-")),
        "fileName": "./site-packages/" + path,
        "checksums": [{"algorithm": "SHA256", "checksumValue": "$(sha256 %s)" % path}],
        "licenseConcluded": dist["license"],
        "copyrightText": "NOASSERTION",
        "comment": "from " + purl,
        "scope": dist["scope"],
    }

def expand_distribution(dist):
    return [file_entry(dist, path) for path in dist["files"]]
