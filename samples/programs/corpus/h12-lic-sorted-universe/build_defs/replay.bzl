load(":sharding.bzl", "SHARDS", "SHARD_FNS", "universe_for")

def _replay_impl(venue, kind, data_root):
    if kind not in SHARD_FNS:
        fail("replay venue {}: unsupported asset kind {}".format(venue, kind))
    shard_fn = SHARD_FNS[kind]
    rows = shard_fn(venue, universe_for(kind))
    per_shard = [[] for _ in range(SHARDS)]
    for row in rows:
        per_shard[row["shard"]].append(row["ticker"])
    for i in range(SHARDS):
        filegroup(
            name = "replay_{}_{}_shard{}".format(venue.lower(), kind, i),
            srcs = ["{}/{}/{}.pcap".format(data_root, venue.lower(), t) for t in per_shard[i][:4]],
        )
    return len(rows)

def market_data_replay(venues, data_root = "testdata/pcap"):
    total = 0
    for venue, kind in venues:
        total += _replay_impl(venue, kind, data_root)
    python_library(
        name = "replay_index",
        srcs = ["replay/index.py"],
        env = {"REPLAY_TICKERS": str(total)},
    )
