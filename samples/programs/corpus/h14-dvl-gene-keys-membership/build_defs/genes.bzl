GENE_TABLE = {"GENE%d" % i: struct(chrom = "chr%d" % (i % 22 + 1), start = i * 1000) for i in range(2500)}
