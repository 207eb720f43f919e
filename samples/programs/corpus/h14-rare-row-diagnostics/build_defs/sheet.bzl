def synth_sheet(n):
    extra = {"col%d" % c: c for c in range(40)}
    return [dict(extra, sample_id = "S%d" % i, sex = "F", tissue = "blood", barcode = "BC%d" % (i % 96)) for i in range(n)]
