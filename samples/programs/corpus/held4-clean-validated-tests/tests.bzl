_ALLOWED_SIZES = {"small": 60, "medium": 300, "large": 900}

def _validate(test):
    name = test["name"]
    if not name.islower() or len(name) > 64:
        fail("bad test name: " + name)
    if not test["src"].endswith("_test.py"):
        fail("test source must end with _test.py: " + test["src"])
    if test["size"] not in _ALLOWED_SIZES:
        fail("unknown size: " + test["size"])

def python_tests(tests, common_deps):
    deps = sorted(common_deps)
    timeouts = {}
    for size, seconds in _ALLOWED_SIZES.items():
        timeouts[size] = str(seconds)
    for test in tests:
        _validate(test)
        python_library(
            name = test["name"],
            srcs = [test["src"]],
            deps = deps,
            labels = ["timeout=" + timeouts[test["size"]], "size=" + test["size"]],
        )
