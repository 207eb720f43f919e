load(":refdata.bzl", "CURRENCIES")

# code -> (minor units, settlement calendar), the shape the fixture writer wants.
CURRENCY_META = {c["code"]: (c["minor_units"], c["calendar"]) for c in CURRENCIES}

def is_known(code):
    return code in CURRENCY_META
