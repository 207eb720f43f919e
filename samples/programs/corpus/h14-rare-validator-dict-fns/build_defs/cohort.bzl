load("//build_defs:rules.bzl", "VALIDATORS")

def cohort(name, samples):
    for s in samples:
        for field in ["id", "tissue"]:
            VALIDATORS[field](s)
        genrule(name = "%s_%s" % (name, s.id), out = s.id + ".cram", cmd = "align %s > $OUT" % s.id)
