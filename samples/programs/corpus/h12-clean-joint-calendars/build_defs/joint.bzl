load(":refdata.bzl", "CALENDARS", "CURRENCIES")

def joint_holidays(cal_a, cal_b):
    """Sorted union of two calendars' holidays: the settlement days a cross must skip."""
    days = {}
    for d in CALENDARS[cal_a]["holidays"]:
        days[d] = True
    for d in CALENDARS[cal_b]["holidays"]:
        days[d] = True
    return sorted(days)

def home_calendar(code):
    for c in CURRENCIES:
        if c["code"] == code:
            return c["calendar"]
    fail("unknown currency " + code)
