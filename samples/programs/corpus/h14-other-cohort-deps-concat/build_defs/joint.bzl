def joint_genotyping(name, samples):
    gvcfs = []
    for s in samples:
        genrule(name = "hc_" + s, out = s + ".g.vcf.gz", cmd = "gatk HaplotypeCaller -ERC GVCF -I %s > $OUT" % s)
        gvcfs = gvcfs + [":hc_" + s, "//bams:%s.bam" % s, "//bams:%s.bai" % s]
    genrule(name = name, srcs = gvcfs, out = name + ".vcf.gz", cmd = "gatk GenotypeGVCFs $SRCS > $OUT")
