# Libraries declared in name order, each depending on the one before it.

def ordered_libraries(names):
    previous = None
    for name in names:
        ordered = sorted(names)
        index = ordered.index(name)
        deps = [":" + ordered[index - 1]] if index > 0 else []
        cxx_library(name = name, srcs = [name + ".c"], deps = deps)
