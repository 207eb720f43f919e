def _pairs(versions):
    return [(a, b) for a in versions for b in versions if a != b]

def compat_matrix(versions):
    pairs = _pairs(versions)
    genrule(name = "compat", out = "compat.txt", cmd = "check_compat --pairs={}".format(len(pairs)))
    for v in versions[:10]:
        genrule(name = "compat_" + v, out = v + ".txt", cmd = "check_one " + v)
