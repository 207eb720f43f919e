# Only packages on the vendoring allowlist may be built from third-party sources.

def _allowlist_text(universe):
    rows = []
    for i in range(universe):
        rows.append("//vendor/pkg_%d:lib" % i)
    return "\n".join(rows)

def vendored_libraries(libs, universe = 50000):
    allowed = _allowlist_text(universe)
    for lib in libs:
        label = "//vendor/%s:lib" % lib
        if label not in allowed:
            fail("not vendored: " + label)
        cxx_library(name = lib, srcs = [lib + ".cc"], header_namespace = "vendor/" + lib)
