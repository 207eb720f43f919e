load("//build_defs:samplesheet.bzl", "load_samplesheet")

def fastqc_reports(name, n_rows, project):
    rows = load_samplesheet(n_rows)
    selected = []
    for row in rows:
        if row["project"] != project:
            continue
        if row["lane"] != 1:
            continue
        genrule(
            name = "%s_%s" % (name, row["sample_id"]),
            srcs = [row["fastq_r1"], row["fastq_r2"]],
            out = row["sample_id"] + "_fastqc.html",
            cmd = "fastqc $SRCS -o $OUT",
        )
        selected.append(":%s_%s" % (name, row["sample_id"]))
    filegroup(name = name, srcs = selected)
