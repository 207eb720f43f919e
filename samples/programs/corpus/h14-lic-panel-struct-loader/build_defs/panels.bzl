# Clinical assay panels. Each panel is a struct whose `targets` field loads the BED-like table.

def _expand_bed(gene_count, exons_per_gene):
    intervals = []
    for g in range(gene_count):
        for e in range(exons_per_gene):
            intervals.append(struct(gene = "GENE%d" % g, exon = e, start = g * 10000 + e * 300, end = g * 10000 + e * 300 + 150))
    return intervals

def _onco_targets():
    return _expand_bed(180, 12)

ONCO_PANEL = struct(
    name = "onco_v3",
    version = "3.2.1",
    targets = _onco_targets,
)
