CHROMS = ["chr%d" % i for i in range(1, 23)] + ["chrX", "chrY"]

def _bqsr_attrs(sample, chrom):
    return {
        "name": "bqsr_%s_%s" % (sample, chrom),
        "srcs": ["//bams:%s.bam" % sample, "//ref:%s.fa" % chrom, "//known_sites:dbsnp_%s.vcf.gz" % chrom],
        "out": "%s.%s.recal.table" % (sample, chrom),
        "cmd": "gatk BaseRecalibrator -L %s -I $(location //bams:%s.bam) > $OUT" % (chrom, sample),
    }

def scatter_bqsr(samples):
    per_sample = {}
    for sample in samples:
        tables = []
        for chrom in CHROMS:
            attrs = _bqsr_attrs(sample, chrom)
            genrule(**attrs)
            tables.append(":" + attrs["name"])
        per_sample[sample] = tables
    for sample, tables in per_sample.items():
        genrule(name = "gather_" + sample, srcs = tables, out = sample + ".recal", cmd = "gatk GatherBQSRReports $SRCS > $OUT")
