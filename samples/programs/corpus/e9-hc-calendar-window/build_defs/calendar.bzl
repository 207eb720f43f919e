# Calendar helpers for the nightly snapshot targets.
_FIRST_YEAR = 1900
_LAST_YEAR = 2100

def _all_days():
    return [
        ("%d-%d-%d" % (y, m, d), y * 10000 + m * 100 + d)
        for y in range(_FIRST_YEAR, _LAST_YEAR)
        for m in range(1, 13)
        for d in range(1, 32)
    ]

def nightly_snapshots(name, first, last):
    lo = first[0] * 10000 + first[1] * 100 + first[2]
    hi = last[0] * 10000 + last[1] * 100 + last[2]
    days = _all_days()
    window = [label for label, stamp in days if lo <= stamp and stamp <= hi]
    for day in window:
        genrule(
            name = "%s_%s" % (name, day.replace("-", "_")),
            out = day + ".tar",
            cmd = "snapshot %s > $OUT" % day,
        )
    filegroup(name = name, srcs = [":%s_%s" % (name, d.replace("-", "_")) for d in window])
