HG38_CONTIGS = {"contig_%d" % i: 50000 + i for i in range(3000)}
