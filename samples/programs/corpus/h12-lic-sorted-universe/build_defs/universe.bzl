"""Security universe used by market-data replay fixtures (snapshot 2024-Q2)."""

_ROOTS = ["A", "AA", "AAL", "AAPL", "ABBV", "ABT", "ACN", "ADBE", "ADI", "ADM", "ADP", "AEP", "AES", "AFL", "AIG",
          "AMAT", "AMD", "AMGN", "AMZN", "ANET", "AON", "APD", "AVGO", "AXP", "BA", "BAC", "BK", "BKNG", "BLK", "BMY",
          "C", "CAT", "CB", "CI", "CL", "CMCSA", "COP", "COST", "CRM", "CSCO", "CVS", "CVX", "DE", "DHR", "DIS",
          "DUK", "EMR", "F", "FDX", "GD", "GE", "GILD", "GM", "GOOG", "GS", "HD", "HON", "IBM", "INTC", "JNJ"]

_SUFFIXES = ["", ".A", ".B", ".W", ".U", ".R", ".PR", ".WS", ".CL", ".RT", ".P", ".Q", ".V", ".X", ".Z", ".N", ".O"]

EQUITY_TICKERS = [r + s for s in _SUFFIXES for r in _ROOTS]

FUTURES_TICKERS = ["%s%s%d" % (root, month, year) for root in ["ES", "NQ", "RTY", "YM", "ZN", "ZB", "ZF", "CL", "NG", "GC", "SI", "HG"]
                   for month in "FGHJKMNQUVXZ".elems() for year in range(4, 8)]
