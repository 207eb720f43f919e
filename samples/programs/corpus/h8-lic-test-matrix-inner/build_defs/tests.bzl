load("//build_defs:sdk.bzl", "sdk_incs")

def _tname(b, s):
    return "test_%s_%s" % (b, s)

def board_tests(suites, boards):
    for b, sdk in boards:
        for s in suites:
            if s.startswith("_"):
                continue
            inc = sdk_incs(sdk)
            cxx_binary(
                name = _tname(b, s),
                srcs = ["tests/%s.c" % s],
                preprocessor_flags = inc,
                labels = ["board:" + b, "hw-test"],
            )
