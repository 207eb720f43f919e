# Reference genome packaging helpers (genomics-infra, since 2019).

_ASSEMBLIES = {
    "GRCh38": 3100,
    "GRCm39": 2700,
}

def _synthetic_fai(assembly):
    # Parse the .fai-like table that ships with every assembly: one record per scaffold.
    n = _ASSEMBLIES[assembly]
    rows = []
    for i in range(n):
        rows.append({
            "name": "scaffold_%d" % i,
            "length": 1000 + i * 7,
            "offset": i * 61,
        })
    return rows

def _contig_length(assembly, contig):
    for row in _synthetic_fai(assembly):
        if row["name"] == contig:
            return row["length"]
    return 0

def reference_package(name, assembly, contigs):
    outs = []
    for contig in contigs:
        length = _contig_length(assembly, contig)
        genrule(
            name = "%s_%s_fa" % (name, contig),
            out = "%s.fa" % contig,
            cmd = "samtools faidx $(location :%s_fasta) %s:1-%d > $OUT" % (name, contig, length),
        )
        outs.append(":%s_%s_fa" % (name, contig))
    filegroup(name = name, srcs = outs)
