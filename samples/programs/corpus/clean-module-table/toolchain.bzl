FLAG_TABLE = {"level{}".format(i): ["-O{}".format(i % 4), "-g"] for i in range(500)}

def _check(name):
    if not name.startswith("tool") or len(name) > 32 or not name.isalnum():
        fail("bad name: " + name)

def tool_libraries(names):
    for i, name in enumerate(names):
        _check(name)
        cxx_library(
            name = name,
            srcs = ["{}/{}.cc".format(name, f) for f in ["main", "util"]],
            compiler_flags = FLAG_TABLE["level{}".format(i % 500)],
            platform_flags = {"config//os:linux": ["-DLINUX"], "config//os:macos": ["-DMACOS"]},
        )
