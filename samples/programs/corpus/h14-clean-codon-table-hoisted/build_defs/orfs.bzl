load("//build_defs:codons.bzl", "codon_table")

def orf_targets(name, genes):
    table = codon_table()
    stops = [c for c, aa in table.items() if aa == "*"]
    for gene in genes:
        attrs = {
            "name": "%s_%s" % (name, gene.id),
            "srcs": ["cds/%s.fa" % gene.id, "gff/%s.gff3" % gene.id],
            "out": gene.id + ".pep.fa",
            "cmd": "translate --stops %s --frame %d --strand %s $SRCS > $OUT" % (",".join(stops), gene.frame, gene.strand),
        }
        genrule(**attrs)
