def merge_flags(groups):
    fl = []
    for g in groups:
        for f in g:
            if f.startswith("#"):
                continue
            fl = fl + [f]
    return fl
