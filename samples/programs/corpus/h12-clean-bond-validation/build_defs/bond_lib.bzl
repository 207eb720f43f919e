load(":isin.bzl", "ISIN_COUNTRY_PREFIXES")

SECTOR_RULES = {
    "govt": {"min_coupon_bp": 0, "settle_lag": 1},
    "agency": {"min_coupon_bp": 0, "settle_lag": 1},
    "supra": {"min_coupon_bp": 0, "settle_lag": 2},
    "corp": {"min_coupon_bp": 0, "settle_lag": 2},
    "covered": {"min_coupon_bp": 0, "settle_lag": 2},
}

def _isin_ok(isin):
    return len(isin) == 12 and isin[:2].isupper() and isin[:2] in ISIN_COUNTRY_PREFIXES and isin[-1].isdigit()

def bond_static_tests(name, bonds):
    # Resolve the sector table once; every test gets its own settle lag.
    lag_by_sector = {}
    for sector, rule in SECTOR_RULES.items():
        lag_by_sector[sector] = str(rule["settle_lag"])
    for isin, sector in bonds:
        if not _isin_ok(isin):
            fail("{}: malformed ISIN {}".format(name, isin))
        if sector not in lag_by_sector:
            fail("{}: unknown sector {} for {}".format(name, sector, isin))
        python_library(
            name = "{}_{}".format(name, isin.lower()),
            srcs = ["static/test_bond.py"],
            resources = ["static/{}.json".format(isin), "static/cashflows/{}.csv".format(isin)],
            labels = ["bond", "sector:" + sector, "country:" + isin[:2]],
            env = {"ISIN": isin, "SECTOR": sector, "SETTLE_LAG": lag_by_sector[sector]},
        )
