load(":tenors.bzl", "CURVE_TENORS", "HORIZON_YEARS", "check_tenor")

def _curve_grid(ccy, tenors, horizon_days):
    # (tenor, roll day) grid the bootstrapper walks; only its size goes in the fixture.
    return [
        "{}:{}:{}".format(ccy, tenor, day)
        for tenor in tenors
        for day in range(horizon_days)
    ]

def yield_curve_fixtures(name, ccys, tenors = CURVE_TENORS):
    for t in tenors:
        check_tenor(t)
    horizon_days = 365 * HORIZON_YEARS
    for ccy in ccys:
        grid = _curve_grid(ccy, tenors, horizon_days)
        genrule(
            name = "{}_{}".format(name, ccy.lower()),
            out = "{}_curve.bin".format(ccy.lower()),
            cmd = "$(exe //curves/tools:bootstrap) --ccy {} --points {} --first {} > $OUT".format(ccy, len(grid), grid[0]),
        )
