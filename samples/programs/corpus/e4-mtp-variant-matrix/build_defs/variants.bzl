def declare_variant(v):
    cxx_library(
        name = v.name,
        srcs = v.srcs[:2],
        preprocessor_flags = ["-D" + d for d in v.defines],
        compiler_flags = v.copts,
    )
