CATALOG = [("item%d" % i, "group%d" % (i % 17)) for i in range(2000)]

def catalog_by_id(items):
    out = {}
    for k, g in items:
        out[k] = "%s/%s" % (g, k)
    return out
