load("//build_defs:labels.bzl", "is_valid_test_label")

_RUNNER = "//testing/python:pytest_main"

def _test_attrs(name, srcs, deps, labels):
    for label in labels:
        if not is_valid_test_label(label):
            fail("%s: unknown test label %r (see //build_defs:labels.bzl)" % (name, label))
    return {
        "name": name,
        "srcs": srcs,
        "deps": deps + [_RUNNER],
        "labels": labels,
    }

def python_test_suite(name, tests, common_deps = [], labels = []):
    for test in tests:
        attrs = _test_attrs(
            "%s_%s" % (name, test["name"]),
            test["srcs"],
            common_deps + test.get("deps", []),
            labels + test.get("labels", []),
        )
        python_library(**attrs)
