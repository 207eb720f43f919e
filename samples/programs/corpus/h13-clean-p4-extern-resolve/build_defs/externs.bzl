_KINDS = {"exact": 4096, "lpm": 2048, "ternary": 1024, "counter": 8192, "meter": 512}

def extern_table(pipes, stages):
    """Resolved address map of every extern the target device exposes."""
    table = {}
    kinds = sorted(_KINDS.items())
    for pipe in range(pipes):
        for stage in range(stages):
            for kind, size in kinds:
                path = "pipe%d.stage%d.%s" % (pipe, stage, kind)
                table[path] = struct(base = (pipe << 20) | (stage << 12), size = size)
    return table
