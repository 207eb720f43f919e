load("//build_defs:flagset.bzl", "merge_flags")

def tc_library(name, srcs, groups):
    cxx_library(name = name, srcs = srcs, compiler_flags = merge_flags(groups))
