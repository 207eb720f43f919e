# Every third-party library must carry an approved license.

APPROVED = ["Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "MPL-2.0", "Unlicense"]

def _incompatible_licenses(targets, license):
    """Every (target, license) pair that would be rejected, with a human description."""
    report = []
    for target in targets:
        for approved in APPROVED:
            report.append(struct(target = target, wanted = license, approved = approved,
                                 text = "{} is licensed {} (not {})".format(target, license, approved)))
    return [r for r in report if r.wanted not in APPROVED]

def licensed_libraries(targets, license):
    for t in targets:
        # The check allocates a report for every target, though it is almost always empty.
        if _incompatible_licenses([t], license):
            fail("license check failed for " + t)
        python_library(name = t, srcs = [t + ".py"], labels = ["license:" + license])
