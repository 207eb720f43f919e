# Each library gets a small config of its own; the shared part is referenced, not copied.

SHARED = struct(warnings = ["-Wall", "-Wextra"], std = "c++17")

def _config(i):
    return {
        "name": "lib_{}".format(i),
        "opt": "-O2" if i % 2 == 0 else "-O1",
    }

def configured_libraries(count):
    for i in range(count):
        cfg = _config(i)
        cxx_library(
            name = cfg["name"],
            srcs = [cfg["name"] + ".cc"],
            compiler_flags = SHARED.warnings + [cfg["opt"], "-std=" + SHARED.std],
        )
