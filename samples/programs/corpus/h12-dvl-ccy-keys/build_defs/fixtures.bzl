load(":ccy_meta.bzl", "CURRENCY_META")
load(":refdata.bzl", "CURRENCIES")

def _pair_rows(base, quotes):
    return [
        "{}{}:{}".format(base, q, CURRENCY_META[q][0])
        for q in quotes
        if q != base and q in CURRENCY_META.keys()
    ]

def _fixtures_impl(name, bases, quotes, tolerance):
    if tolerance <= 0:
        fail("{}: tolerance must be positive".format(name))
    for base in bases:
        rows = _pair_rows(base, quotes)
        genrule(
            name = "{}_{}".format(name, base.lower()),
            out = "{}.csv".format(base.lower()),
            cmd = "$(exe //fx/tools:pairs) --base {} --count {} --tol {} > $OUT".format(base, len(rows), tolerance),
        )

def fx_pair_fixtures(name, bases = None, quotes = None, tolerance = 1e-10):
    all_codes = [c["code"] for c in CURRENCIES]
    _fixtures_impl(
        name = name,
        bases = bases or all_codes,
        quotes = (quotes or all_codes) + ["XAU", "XAG", "XPT", "XPD", "XDR"],
        tolerance = tolerance,
    )
