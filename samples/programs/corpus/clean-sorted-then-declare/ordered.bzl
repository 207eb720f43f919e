# Libraries numbered in name order: the whole name list must exist to be sorted once.

def _library_name(module):
    return module.replace("module_", "lib_")

def ordered_libraries(modules):
    names = sorted([_library_name(m) for m in modules])
    for index, name in enumerate(names):
        cxx_library(name = name, srcs = [name + ".cpp"], labels = ["order:{}".format(index)])
