# Tests get a timeout proportional to their share of the total weight.

WEIGHTS = {"suite_{}".format(i): i % 17 + 1 for i in range(500)}

def _timeout(test):
    total = 0
    for w in WEIGHTS.values():
        total += w
    return 60 + total // 100

def weighted_tests(tests):
    for test in tests:
        python_library(
            name = test,
            srcs = [test + ".py"],
            labels = ["timeout={}".format(_timeout(test))],
        )
