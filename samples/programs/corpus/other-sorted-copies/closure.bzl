# Each library's deps are everything declared before it, in sorted order.

def ordered_libraries(names):
    declared = []
    for name in names:
        # Sorts (and so copies) the whole growing list again for every library.
        ordered = sorted(declared)
        cxx_library(name = name, srcs = [name + ".cpp"], deps = ordered[:4])
        declared.append(":" + name)
