# Dataset shards for ML training jobs.

DATASETS = [
    struct(name = "clicks", bucket = "gs://ml-data-prod/clicks", total_shards = 30000, fmt = "tfrecord"),
    struct(name = "impressions", bucket = "gs://ml-data-prod/impressions", total_shards = 40000, fmt = "parquet"),
    struct(name = "queries", bucket = "gs://ml-data-prod/queries", total_shards = 20000, fmt = "tfrecord"),
]

def shard_index(ds):
    """Shard number -> URI for the whole dataset."""
    return {
        i: "{bucket}/{fmt}/part-{i}-of-{n}.{fmt}".format(bucket = ds.bucket, fmt = ds.fmt, i = i, n = ds.total_shards)
        for i in range(ds.total_shards)
    }

def _split_shards(index, split, per_split, stride):
    return [index[(split * stride + k) % len(index)] for k in range(per_split)]

def training_shards(name, ds, splits = ("train", "eval", "test"), per_split = 4, **kwargs):
    index = shard_index(ds)
    stride = kwargs.get("stride", 997)
    for n, split in enumerate(splits):
        uris = _split_shards(index, n, per_split, stride)
        genrule(
            name = "%s_%s_%s" % (name, ds.name, split),
            out = "%s.txt" % split,
            cmd = "printf '%s' > $OUT" % "\\n".join(uris),
            labels = ["dataset", ds.name, split],
        )
