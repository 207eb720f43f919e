def _parse_row(i):
    return {
        "sample_id": "S%d" % i,
        "lane": i % 8 + 1,
        "barcode": "BC%d" % (i % 96),
        "project": "proj%d" % (i % 5),
        "fastq_r1": "fastq/S%d_R1.fastq.gz" % i,
        "fastq_r2": "fastq/S%d_R2.fastq.gz" % i,
        "notes": ["qc_pass", "lane_%d" % (i % 8 + 1)],
    }

def load_samplesheet(n_rows):
    return [_parse_row(i) for i in range(n_rows)]
