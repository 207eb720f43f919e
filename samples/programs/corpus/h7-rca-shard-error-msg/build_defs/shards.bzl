# Dataset shard targets for the offline evaluation jobs.

_KNOWN_SPLITS = ["train", "eval", "test", "holdout"] + ["backfill_%d" % d for d in range(365)]

def _describe(spec, known):
    return "shard {idx} of dataset '{ds}' names split '{split}', which is not in the manifest; known splits: {known}".format(
        idx = spec.idx,
        ds = spec.dataset,
        split = spec.split,
        known = ", ".join(known),
    )

def _check_shard(spec, known = _KNOWN_SPLITS):
    message = _describe(spec, known)
    if spec.split not in known:
        fail(message)
    return spec

def _shard_target(spec, **kwargs):
    spec = _check_shard(spec, **kwargs)
    genrule(
        name = "%s_%s_%d" % (spec.dataset, spec.split, spec.idx),
        out = "shard_%d.tfrecord" % spec.idx,
        cmd = "fetch-shard --dataset %s --split %s --index %d > $OUT" % (spec.dataset, spec.split, spec.idx),
    )

def dataset_shards(dataset, splits, shards_per_split, **kwargs):
    for split in splits:
        for idx in range(shards_per_split):
            _shard_target(struct(dataset = dataset, split = split, idx = idx), **kwargs)
