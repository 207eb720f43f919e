def shard_srcs(srcs, shard, total):
    return srcs[shard::total]
