load("//build_defs:kmers.bzl", "kmer_universe")

_SEED_K = 6

def _seed_rule(aligner, seed):
    return {
        "name": "%s_seed_%s" % (aligner, seed),
        "out": "%s.idx" % seed,
        "cmd": "build_seed_index --aligner %s --seed %s > $OUT" % (aligner, seed),
    }

def seed_indexes(aligner, seeds):
    rules = [
        _seed_rule(aligner, s)
        for s in seeds
        if s in kmer_universe(_SEED_K)
    ]
    for r in rules:
        genrule(**r)
    return [":" + r["name"] for r in rules]
