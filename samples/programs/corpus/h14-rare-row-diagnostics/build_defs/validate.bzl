_REQUIRED = ["sample_id", "sex", "tissue", "barcode"]

def _validate_row(i, row):
    diag = ["%s=%r" % (k, v) for k, v in row.items()]
    missing = [k for k in _REQUIRED if k not in row]
    if missing:
        fail("row %d missing %s; row was: %s" % (i, missing, ", ".join(diag)))

def validated_samples(rows):
    for i, row in enumerate(rows):
        _validate_row(i, row)
    return rows
