_COMMON = {"LANG": "C", "TZ": "UTC", "CI": "1"}

def _env_for(cell, shard):
    env = dict(_COMMON)
    env["CELL"] = cell
    env["SHARD"] = str(shard)
    return env

def sharded_cells(name, cells, shards):
    for cell in cells:
        for shard in range(shards):
            env = _env_for(cell, shard)
            flags = dict(env)
            flags["NAME"] = name
            genrule(
                name = "%s-%s-%d" % (name, cell, shard),
                out = "%s-%d.log" % (cell, shard),
                cmd = "run.sh > $OUT",
                labels = ["--%s=%s" % (k, flags[k]) for k in sorted(flags)],
            )
