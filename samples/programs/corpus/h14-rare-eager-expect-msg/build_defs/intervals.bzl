load("//build_defs:checks.bzl", "expect")

def interval_targets(name, intervals, contigs):
    contig_set = {c: True for c in contigs}
    for chrom, start, end in intervals:
        expect(chrom in contig_set, "interval on %s not in reference; known contigs: %s" % (chrom, ", ".join(contigs)))
        genrule(name = "%s_%s_%d" % (name, chrom, start), out = "%s_%d.bed" % (chrom, start), cmd = "echo %s %d %d > $OUT" % (chrom, start, end))
