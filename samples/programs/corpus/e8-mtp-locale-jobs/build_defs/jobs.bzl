_STEPS = ["extract", "merge", "compile", "lint", "package", "sign", "upload", "verify"]

def make_job(loc, shard):
    inputs = ["po/%s/part_%d_%s.po" % (loc[0], shard, s) for s in _STEPS]
    return {
        "name": "l10n_%s_%d" % (loc[0], shard),
        "srcs": inputs,
        "outs": [i.replace(".po", ".mo") for i in inputs],
        "cmd": "msgfmt --locale=%s $SRCS -o $OUT" % loc[1],
    }
