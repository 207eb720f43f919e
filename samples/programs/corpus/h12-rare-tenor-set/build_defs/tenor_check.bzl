load(":tenor_table.bzl", "SUPPORTED_TENORS")

def check_tenor(tenor, where, allowed = SUPPORTED_TENORS):
    allowed_set = {t: None for t in allowed}
    if tenor not in allowed_set:
        fail("{}: tenor {} is not one of the {} supported tenors".format(where, tenor, len(allowed_set)))
    return tenor
