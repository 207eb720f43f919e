load("//build_defs:sharding.bzl", "split_into_shards")

def _shard_target(name, index, total, files, deps, env):
    python_library(
        name = "%s_shard_%d" % (name, index),
        srcs = files,
        deps = deps,
        env = env,
        labels = ["shard:%d-of-%d" % (index, total), "test"],
    )

def sharded_python_test(name, test_files, shards, deps = [], env = {}):
    if shards < 1:
        fail("%s: shards must be at least 1" % name)
    buckets = split_into_shards(test_files, shards)
    for index, files in enumerate(buckets):
        _shard_target(name, index, shards, files, deps, env)
    filegroup(name = name, srcs = [":%s_shard_%d" % (name, i) for i in range(shards)])
