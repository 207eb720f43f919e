# Splits an end-to-end suite into shards of test indices.

SHARD_COUNT = 120
SHARD_LABELS = ["e2e", "slow", "requires-network"]

def _shard_bounds(all_indices, shard, per_shard):
    first = all_indices[shard * per_shard]
    last = all_indices[(shard + 1) * per_shard - 1]
    return first, last

def sharded_suite(name, tests_per_shard):
    # One int per test of every shard, only to read two of them per shard.
    all_indices = list(range(SHARD_COUNT * tests_per_shard))
    for shard in range(SHARD_COUNT):
        first, last = _shard_bounds(all_indices, shard, tests_per_shard)
        genrule(
            name = "{}_shard_{}".format(name, shard),
            out = "shard_{}.xml".format(shard),
            labels = SHARD_LABELS,
            cmd = "run_e2e --from={} --to={}".format(first, last),
        )
