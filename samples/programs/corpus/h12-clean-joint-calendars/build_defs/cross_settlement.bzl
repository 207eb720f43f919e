load(":joint.bzl", "home_calendar", "joint_holidays")

def _pair_fixture(prefix, base, quote):
    cal_a = home_calendar(base)
    cal_b = home_calendar(quote)
    days = joint_holidays(cal_a, cal_b)
    genrule(
        name = "{}_{}{}".format(prefix, base.lower(), quote.lower()),
        out = "{}{}_holidays.txt".format(base, quote),
        # The settlement engine's test harness reads the joint calendar as a flat file.
        cmd = "printf '%s\\n' {} > $OUT".format(" ".join(days)),
    )
    return len(days)

def cross_settlement_fixtures(prefix, ccys):
    total = 0
    for i, base in enumerate(ccys):
        for quote in ccys[i + 1:]:
            total += _pair_fixture(prefix, base, quote)
    python_library(
        name = prefix + "_index",
        srcs = ["settlement/cross_index.py"],
        env = {"JOINT_DAYS_TOTAL": str(total)},
    )
