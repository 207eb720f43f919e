CURVE_TENORS = ["ON", "TN", "1W", "2W", "1M", "2M", "3M", "6M", "9M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "15Y", "20Y", "30Y"]

HORIZON_YEARS = 8

def check_tenor(t):
    if t not in CURVE_TENORS:
        fail("unsupported curve tenor: " + t)
