def studio_cxx_library(name, srcs = [], deps = [], flags = [], **kw):
    cxx_library(name = name, srcs = srcs, deps = deps, compiler_flags = ["-Wall", "-Werror"] + flags, **kw)
