# Variant libraries: every variant starts from the shared defaults and sets its own name.

DEFAULTS = {"attr_{}".format(i): "value_{}".format(i) for i in range(300)}

def variant_libraries(base, count):
    for i in range(count):
        attrs = dict(DEFAULTS)
        attrs["variant"] = "{}_{}".format(base, i)
        cxx_library(
            name = attrs["variant"],
            srcs = [base + ".cc"],
            compiler_flags = ["-DVARIANT=" + attrs["variant"]],
        )
