# A stack of libraries where each layer depends on every layer below it.

def _layer_name(name, i):
    return "{}_layer_{}".format(name, i)

def layered_libraries(name, layers):
    deps = []
    for i in range(layers):
        cxx_library(name = _layer_name(name, i), srcs = ["layer_{}.cpp".format(i)], deps = deps)
        # A new list, one element longer, copied from the old one on every pass.
        deps = deps + [":" + _layer_name(name, i)]
