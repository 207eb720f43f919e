load("//build_defs:contigs.bzl", "HG38_CONTIGS")

def depth_targets(samples, min_len):
    for sample in samples:
        long_contigs = [n for n in HG38_CONTIGS.values() if n > min_len]
        genrule(name = "depth_" + sample, out = sample + ".depth", cmd = "mosdepth --n %d %s > $OUT" % (len(long_contigs), sample))
