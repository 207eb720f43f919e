load("//defs:flags.bzl", "collect_defines")

def configured_libraries(names, defines_per_layer = 100):
    for name in names:
        cxx_library(
            name = name,
            srcs = ["{}.cpp".format(name)],
            preprocessor_flags = list(collect_defines(name, defines_per_layer)),
        )
