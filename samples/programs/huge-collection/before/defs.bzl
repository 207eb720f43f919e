# Splits a big test suite into shards, one genrule per shard.

def sharded_test(name, shards, cases_per_shard, labels):
    # Every case id of every shard, materialised in one statement...
    cases = ["{}_case_{}".format(name, i) for i in range(shards * cases_per_shard)]
    # ...and a weight per case, as one multiplied list.
    weights = [1] * (shards * cases_per_shard)
    for shard in range(shards):
        first = shard * cases_per_shard
        genrule(
            name = "{}_shard_{}".format(name, shard),
            out = "shard_{}.txt".format(shard),
            labels = labels,
            cmd = "run_tests --first={} --count={} --weight={}".format(
                cases[first],
                cases_per_shard,
                weights[first] * cases_per_shard,
            ),
        )
