load("//build_defs:pins.bzl", "valid_pin")

def _check_row(board, row):
    if not valid_pin(row[0]):
        fail("%s: bad pin %s in pinmux row %r" % (board, row[0], row))

def _rows(board, tbl):
    r = []
    for row in tbl:
        _check_row(board, row)
        r.append("%s=%s:%d" % (row[0], row[1], row[2]))
    return r

def pinmux(name, board, tbl):
    genrule(
        name = name,
        out = "pinmux_%s.h" % board,
        cmd = "pinmuxgen %s > $OUT" % " ".join(_rows(board, tbl)),
    )
