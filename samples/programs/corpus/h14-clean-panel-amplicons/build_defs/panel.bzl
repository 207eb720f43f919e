def _amplicons(genes, per_gene):
    return {
        "%s_amp%d" % (g, k): struct(gene = g, start = i * 5000 + k * 180, end = i * 5000 + k * 180 + 150)
        for i, g in enumerate(genes)
        for k in range(per_gene)
    }

def amplicon_panel(name, genes, per_gene):
    amps = _amplicons(genes, per_gene)
    labels = []
    for amp_name, amp in amps.items():
        genrule(
            name = "%s_%s" % (name, amp_name),
            out = amp_name + ".primers.tsv",
            cmd = "primer3_wrap --gene %s --start %d --end %d > $OUT" % (amp.gene, amp.start, amp.end),
        )
        labels.append(":%s_%s" % (name, amp_name))
    filegroup(name = name, srcs = sorted(labels))
