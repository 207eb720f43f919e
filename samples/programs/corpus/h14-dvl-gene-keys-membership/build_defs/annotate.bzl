load("//build_defs:genes.bzl", "GENE_TABLE")

def _known_genes(requested):
    keep = []
    for g in requested:
        if g in GENE_TABLE.keys():
            keep.append(g)
    return keep

def annotation_shards(name, requested_genes):
    genes = _known_genes(requested_genes)
    for shard in range(0, len(genes), 500):
        genrule(name = "%s_%d" % (name, shard), out = "shard%d.vcf" % shard, cmd = "vep --genes %s > $OUT" % ",".join(genes[shard:shard + 500]))
