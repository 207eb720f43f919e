load("//build_defs:check.bzl", "expect")
load("//build_defs:exts.bzl", "SRC_EXTS")

def _ext(p):
    i = p.rfind(".")
    return p[i:] if i >= 0 else ""

def board_lib(name, board, srcs, deps = []):
    ok = []
    for s in srcs:
        expect(
            _ext(s) in SRC_EXTS,
            "board_lib(%s): source '%s' for board %s has unsupported extension '%s'; allowed: %s; all srcs: %s" % (name, s, board, _ext(s), ", ".join(SRC_EXTS), ", ".join(srcs[:40])),
        )
        ok.append(s)
    cxx_library(name = name, srcs = ok, deps = deps, labels = ["board:" + board])
