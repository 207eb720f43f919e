load(":daycount.bzl", "DAY_COUNTS", "daycount_slug")
load(":refdata.bzl", "CALENDARS", "CURRENCIES")

def _all_specs(currencies, calendars, day_counts):
    return [
        {
            "name": "accrual_{}_{}_{}".format(ccy["code"].lower(), cal.lower(), daycount_slug(dc)),
            "srcs": ["accrual/test_accrual.py", "accrual/cases/{}.yaml".format(ccy["code"].lower())],
            "env": {
                "CCY": ccy["code"],
                "MINOR_UNITS": str(ccy["minor_units"]),
                "CALENDAR": cal,
                "DAY_COUNT": dc,
                "HOLIDAY_COUNT": str(len(calendars[cal]["holidays"])),
            },
        }
        for ccy in currencies
        for cal in calendars
        for dc in day_counts
    ]

def accrual_fixtures(currencies = None, calendars = CALENDARS, day_counts = DAY_COUNTS):
    currencies = currencies or [c for c in CURRENCIES if c["deliverable"]]
    home = {c["code"]: c["calendar"] for c in currencies}
    specs = _all_specs(currencies, calendars, day_counts)
    for spec in specs:
        # Only the home calendar is exercised in CI; the cross-calendar cases run nightly.
        if spec["env"]["CALENDAR"] != home[spec["env"]["CCY"]]:
            continue
        python_library(name = spec["name"], srcs = spec["srcs"], env = spec["env"])
