AUTOSOMES = ["chr%d" % i for i in range(1, 23)]

def _step(sample, chrom, tool):
    return struct(
        sample = sample,
        chrom = chrom,
        tool = tool,
        name = "%s_%s_%s" % (tool, sample, chrom),
        out = "%s.%s.vcf.gz" % (sample, chrom),
        inputs = ["bam/%s.bam" % sample, "ref/%s.fa" % chrom],
    )

def _plan(samples, tools):
    steps = []
    for sample in samples:
        for chrom in AUTOSOMES + ["chrX", "chrY"]:
            for tool in tools:
                steps.append(_step(sample, chrom, tool))
    return steps

def call_variants(samples, tools, only_chrom):
    plan = _plan(samples, tools)
    for st in plan:
        if st.chrom == only_chrom and st.tool == tools[0]:
            genrule(name = st.name, srcs = st.inputs, out = st.out, cmd = "%s call $SRCS > $OUT" % st.tool)
