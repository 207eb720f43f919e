load(":universe.bzl", "EQUITY_TICKERS", "FUTURES_TICKERS")

SHARDS = 16

def _shard_equities(venue, tickers):
    # Stable shard by rank in the universe so a replay shard never moves when a
    # venue adds a listing.
    return [
        {"ticker": t, "shard": sorted(EQUITY_TICKERS).index(t) % SHARDS, "venue": venue}
        for t in tickers
    ]

def _shard_futures(venue, tickers):
    return [{"ticker": t, "shard": hash(t[:2]) % SHARDS, "venue": venue} for t in tickers]

SHARD_FNS = {
    "equity": _shard_equities,
    "futures": _shard_futures,
}

def universe_for(kind):
    return EQUITY_TICKERS if kind == "equity" else FUTURES_TICKERS
