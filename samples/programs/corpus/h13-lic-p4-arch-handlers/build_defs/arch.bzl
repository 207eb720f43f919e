"""Per-architecture extern defaults for P4 targets, keyed by arch name."""

_TABLE_KINDS = ["exact", "ternary", "lpm", "range", "hash", "selector", "counter", "meter", "register", "digest"]

def _extern_slot(pipe, stage, kind):
    return struct(
        path = "pipe{p}.ingress.stage{s}.{k}".format(p = pipe, s = stage, k = kind),
        size = 1024 if kind in ("exact", "hash") else 256,
        kind = kind,
    )

def _tna_defaults(cfg):
    externs = {}
    for pipe in range(cfg.pipes):
        for stage in range(cfg.stages):
            for kind in _TABLE_KINDS:
                slot = _extern_slot(pipe, stage, kind)
                externs[slot.path] = slot
    return externs

def _v1model_defaults(cfg):
    return {"ingress.%s" % k: struct(path = k, size = 256, kind = k) for k in _TABLE_KINDS}

ARCH_HANDLERS = {
    "tna": lambda cfg: _tna_defaults(cfg),
    "t2na": lambda cfg: _tna_defaults(cfg),
    "v1model": lambda cfg: _v1model_defaults(cfg),
}
