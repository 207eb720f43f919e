load(":isin.bzl", "ISIN_COUNTRY_PREFIXES")

_SECTORS = ["govt", "corp", "agency", "supra", "covered"]

def _validate_isin(isin, owner):
    problem = "{}: malformed ISIN {} (want 12 chars, a known country prefix among {})".format(
        owner,
        repr(isin),
        ", ".join(sorted(ISIN_COUNTRY_PREFIXES)),
    )
    if len(isin) != 12 or isin[:2] not in ISIN_COUNTRY_PREFIXES or not isin[-1].isdigit():
        fail(problem)

def bond_analytics_lib(name, bonds, sector_filter = None):
    srcs = []
    for isin, sector in bonds:
        _validate_isin(isin, name)
        if sector not in _SECTORS:
            fail("{}: bad sector {} for {}".format(name, sector, isin))
        if sector_filter and sector != sector_filter:
            continue
        srcs.append("static/{}.json".format(isin))
    python_library(
        name = name,
        srcs = ["analytics/__init__.py"],
        resources = srcs,
    )
