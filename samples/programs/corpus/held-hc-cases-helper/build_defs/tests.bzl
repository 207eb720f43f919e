load("//build_defs:params.bzl", "PLATFORMS", "expand_cases")

def _parameterized_tests_impl(suites, per_suite, deps):
    cases = expand_cases(suites, per_suite)
    stride = len(PLATFORMS) * per_suite
    for i, suite in enumerate(suites):
        python_library(
            name = "{}_params".format(suite),
            srcs = ["{}.py".format(suite)],
            deps = deps,
            labels = ["first:" + cases[i * stride]],
        )

def parameterized_tests(suites, per_suite = 1000, deps = []):
    _parameterized_tests_impl(suites, per_suite, deps)
