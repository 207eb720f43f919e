BANNED = ["//legacy/lib_%d:lib" % i for i in range(500)]

def _is_banned(dep):
    joined = "|" + "|".join(BANNED) + "|"
    return ("|" + dep + "|") in joined

def checked_rust_libraries(libs):
    for lib in libs:
        for dep in lib["deps"]:
            if _is_banned(dep):
                fail("{} depends on banned target {}".format(lib["name"], dep))
        rust_library(name = lib["name"], srcs = lib["srcs"], deps = lib["deps"])
