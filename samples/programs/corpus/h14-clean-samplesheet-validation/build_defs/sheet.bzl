_ALLOWED_SEX = {"M": True, "F": True, "U": True}

def _check(row, i):
    if len(row["sample_id"]) > 32:
        fail("row %d: sample_id too long" % i)
    if not row["fastq"].endswith(".fastq.gz"):
        fail("row %d: fastq must be gzipped" % i)
    if not row["project"].islower():
        fail("row %d: project must be lowercase" % i)
    if row["sex"] not in _ALLOWED_SEX:
        fail("row %d: bad sex" % i)

def sample_pipeline(rows):
    seen = {}
    for i, row in enumerate(rows):
        _check(row, i)
        if row["sample_id"] in seen:
            fail("duplicate sample " + row["sample_id"])
        seen[row["sample_id"]] = True
        genrule(
            name = "trim_" + row["sample_id"],
            srcs = [row["fastq"]],
            out = row["sample_id"] + ".trimmed.fastq.gz",
            cmd = "fastp -i $SRCS -o $OUT --adapter %s --project %s" % (row["adapter"], row["project"]),
        )
        genrule(
            name = "align_" + row["sample_id"],
            srcs = [":trim_" + row["sample_id"]],
            out = row["sample_id"] + ".bam",
            cmd = "bwa mem ref.fa $SRCS | samtools sort -o $OUT",
        )
