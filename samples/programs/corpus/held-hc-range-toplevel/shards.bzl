SHARDS = 40
CASES_PER_SHARD = 25000

def shard_label(shard):
    return "shard-{}-of-{}".format(shard, SHARDS)
