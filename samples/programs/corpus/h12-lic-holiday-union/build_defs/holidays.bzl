"""Holiday-set arithmetic shared by calendar and settlement macros."""

def holiday_union(calendars):
    """Every holiday observed by at least one calendar, sorted, as YYYYMMDD."""
    seen = {}
    for code in calendars:
        for day in calendars[code]["holidays"]:
            seen[day.replace("-", "")] = code
    return sorted(seen)

def weekend_mask(weekend):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return "".join(["1" if d in weekend else "0" for d in days])
