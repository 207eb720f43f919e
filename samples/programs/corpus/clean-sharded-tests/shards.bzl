# Shards computed directly from their index: no list of every case.

def _shard_labels(shard):
    return ["integration", "shard:{}".format(shard), "bucket:{}".format(shard % 8)]

def sharded_suite(name, shards, cases_per_shard):
    for shard in range(shards):
        first = shard * cases_per_shard
        genrule(
            name = "{}_shard_{}".format(name, shard),
            out = "shard_{}.xml".format(shard),
            labels = _shard_labels(shard),
            cmd = "run_tests --first={}_case_{} --count={}".format(name, first, cases_per_shard),
        )
