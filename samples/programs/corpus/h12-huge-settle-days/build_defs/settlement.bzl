SETTLEMENT_LAGS = {"equity": 1, "ust": 1, "gilt": 1, "bund": 2, "fx_spot": 2, "mbs_tba": 3}

def settlement_test(name, asset, trade_date, expected):
    if asset not in SETTLEMENT_LAGS:
        fail("{}: unknown asset class {}".format(name, asset))
    python_library(
        name = name,
        srcs = ["settlement/test_{}.py".format(asset)],
        env = {
            "TRADE_DATE": trade_date,
            "EXPECTED_SETTLE": expected,
            "LAG": str(SETTLEMENT_LAGS[asset]),
        },
    )
