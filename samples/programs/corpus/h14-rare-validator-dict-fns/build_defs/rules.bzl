def _check_tissue(sample):
    valid = sorted(["blood", "saliva", "ffpe", "fresh_frozen", "cfDNA"] + ["biopsy_site_%d" % i for i in range(1500)])
    if sample.tissue not in valid:
        fail("bad tissue %s for %s, expected one of %s" % (sample.tissue, sample.id, valid))

VALIDATORS = {
    "id": lambda s: s.id.startswith("P") or fail("bad id " + s.id),
    "tissue": _check_tissue,
}
