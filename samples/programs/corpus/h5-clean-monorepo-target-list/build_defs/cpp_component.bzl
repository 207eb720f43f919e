_DEFAULT_WARNINGS = ["-Wall", "-Wextra", "-Werror"]

def _component_srcs(component, files):
    return ["src/%s/%s.cpp" % (component, f) for f in files]

def _component_headers(component, files):
    return {"%s/%s.h" % (component, f): "include/%s/%s.h" % (component, f) for f in files}

def _component_deps(component, layer_deps, third_party):
    deps = [":%s" % d for d in layer_deps]
    deps.extend(["//third-party/cxx:%s" % t for t in third_party])
    return deps

def cpp_component(name, files, layer_deps = [], third_party = [], extra_flags = [], test_files = []):
    cxx_library(
        name = name,
        srcs = _component_srcs(name, files),
        header_namespace = name,
        exported_headers = _component_headers(name, files),
        deps = _component_deps(name, layer_deps, third_party),
        compiler_flags = _DEFAULT_WARNINGS + extra_flags,
        visibility = ["//services/...", "//tools/..."],
    )
    if test_files:
        cxx_binary(
            name = name + "_test",
            srcs = ["test/%s/%s_test.cpp" % (name, f) for f in test_files],
            deps = [":" + name, "//third-party/cxx:gtest_main"],
        )
