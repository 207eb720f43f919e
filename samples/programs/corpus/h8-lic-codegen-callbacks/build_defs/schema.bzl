SCHEMA = [
    ("msg_%d" % t, [("f%d" % f, ("u8", "u16", "u32", "f32")[f % 4]) for f in range(24)])
    for t in range(40)
]

def schema_index(sch):
    ix = {}
    for t, fields in sch:
        off = 0
        for f, ty in fields:
            ix["%s.%s" % (t, f)] = (ty, off)
            off += 4
    return ix
