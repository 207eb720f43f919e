# One library per part, plus an aggregate library that depends on all of them.

def aggregate_libraries(prefix, count):
    all_deps = []
    for i in range(count):
        name = "{}_{}".format(prefix, i)
        cxx_library(name = name, srcs = [name + ".c"])
        all_deps = all_deps + [":" + name]
    cxx_library(name = prefix + "_all", deps = all_deps)
