load("//build_defs:feed.bzl", "ADVISORY_FEED")
load("//build_defs:waivers.bzl", "VULN_WAIVERS")

_SEVERITY_RANK = {"LOW": 0, "MEDIUM": 1, "HIGH": 2, "CRITICAL": 3}

def _is_waived(advisory, waivers, today):
    if advisory.cve not in waivers.keys():
        return False
    return waivers[advisory.cve]["expires"] >= today

def _unwaived(advisories, waivers, today, min_severity):
    floor = _SEVERITY_RANK[min_severity]
    return [
        adv
        for adv in advisories
        if _SEVERITY_RANK[adv.severity] >= floor and not _is_waived(adv, waivers, today)
    ]

def vulnerability_gate(name, packages, today, min_severity = "MEDIUM"):
    advisories = [adv for adv in ADVISORY_FEED if adv.package in packages]
    open_advisories = _unwaived(advisories, VULN_WAIVERS, today, min_severity)
    by_package = {}
    for adv in open_advisories:
        by_package[adv.package] = by_package.get(adv.package, 0) + 1
    genrule(
        name = name,
        out = name + ".json",
        cmd = "echo '%s' > $OUT" % json.encode(by_package),
        labels = ["vuln-gate", "open=%d" % len(open_advisories)],
    )
