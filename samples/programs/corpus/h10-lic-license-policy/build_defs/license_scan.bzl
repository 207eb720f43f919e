load("//build_defs:license_policy.bzl", "normalized_policy")

_REPORT_CMD = "echo '{report}' > $OUT"

def _classify(dep, profile):
    policy = normalized_policy(profile)
    family = policy.get(dep["license"])
    if family == None:
        fail("{} ({}) is licensed {} which the {} profile does not allow".format(
            dep["name"],
            dep["version"],
            dep["license"],
            profile,
        ))
    return family

def _license_scan_impl(name, packages, profile, visibility):
    by_family = {}
    for dep in packages:
        family = _classify(dep, profile)
        if family not in by_family:
            by_family[family] = []
        by_family[family].append(dep["name"])
    lines = ["%s: %d" % (family, len(by_family[family])) for family in sorted(by_family)]
    genrule(
        name = name,
        out = name + ".txt",
        cmd = _REPORT_CMD.format(report = ";".join(lines)),
        visibility = visibility,
    )

def license_scan(name, packages, profile = "server", visibility = None):
    if not name.endswith("_report"):
        fail("license_scan targets must end in _report: " + name)
    _license_scan_impl(name, packages, profile, visibility or ["PUBLIC"])
