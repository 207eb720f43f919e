"""Listed bond instruments used by the settlement regression fixtures."""

_ISSUERS = ["US91282C", "DE000110", "FR001400", "GB00BMGR", "JP1103581", "IT000542", "CA135087", "AU3TB000",
            "NL001522", "ES00000128", "CH022451", "SE001722"]

def _isin(issuer, serial):
    body = (issuer + str(10000 + serial)[1:])[:11]
    return body + str(serial % 10)

INSTRUMENTS = {
    _isin(issuer, serial): {
        "issuer": issuer[:2],
        "coupon": (serial % 17) * 0.125,
        "maturity_year": 2025 + serial % 30,
        "day_count": "ACT/ACT" if issuer[:2] in ("US", "CA", "AU") else "30E/360",
    }
    for issuer in _ISSUERS
    for serial in range(1, 51)
}

TRADE_FIXTURES = [
    struct(
        id = "T" + str(100000 + i * 7 + j)[1:],
        isin = _isin(_ISSUERS[(i + j) % len(_ISSUERS)], (i * 13 + j) % 50 + 1),
        qty = 1000000 * (1 + j),
    )
    for i in range(120)
    for j in range(5)
]
