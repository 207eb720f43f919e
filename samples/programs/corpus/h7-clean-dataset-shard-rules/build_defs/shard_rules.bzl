# One preprocessing genrule per dataset shard; helpers return attr dicts that are merged.

_FORMATS = {
    "tfrecord": struct(ext = "tfrecord", reader = "tf_reader"),
    "parquet": struct(ext = "parquet", reader = "arrow_reader"),
}

def _io_attrs(ds, shard):
    fmt = _FORMATS[ds.fmt]
    return {
        "srcs": [],
        "out": "%s-%d.%s" % (ds.name, shard, fmt.ext),
        "cmd": "preprocess --reader %s --input %s/part-%d.%s --output $OUT" % (fmt.reader, ds.uri, shard, fmt.ext),
    }

def _meta_attrs(ds, shard, labels):
    return {"labels": labels + ["shard:%d" % shard]}

def dataset_preprocess(ds, labels = (), **kwargs):
    base_labels = ["dataset", ds.name] + list(labels)
    for shard in range(ds.shards):
        attrs = _io_attrs(ds, shard)
        attrs.update(_meta_attrs(ds, shard, base_labels))
        attrs.update(kwargs)
        genrule(name = "%s_shard_%d" % (ds.name, shard), **attrs)
