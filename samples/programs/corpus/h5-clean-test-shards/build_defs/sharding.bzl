def shard_of(test_file, shards):
    # Stable assignment: files keep their shard when others are added.
    return hash(test_file) % shards

def split_into_shards(test_files, shards):
    buckets = [[] for _ in range(shards)]
    for f in test_files:
        buckets[shard_of(f, shards)].append(f)
    return buckets
