# Splits a big test suite into shards, one genrule per shard.

def sharded_test(name, shards, cases_per_shard, labels):
    # Compute each shard's first case id and weight directly: no list of every case.
    for shard in range(shards):
        first = shard * cases_per_shard
        genrule(
            name = "{}_shard_{}".format(name, shard),
            out = "shard_{}.txt".format(shard),
            labels = labels,
            cmd = "run_tests --first={} --count={} --weight={}".format(
                "{}_case_{}".format(name, first),
                cases_per_shard,
                cases_per_shard,
            ),
        )
