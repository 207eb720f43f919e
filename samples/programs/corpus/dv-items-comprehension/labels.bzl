# Tests get every label whose owner matches their shard.

LABEL_OWNERS = {"label_{}".format(i): "shard_{}".format(i % 10) for i in range(500)}

def labelled_tests(tests):
    for i, test in enumerate(tests):
        shard = "shard_{}".format(i % 10)
        # The comprehension walks a fresh .items() list of 500 tuples for every test.
        labels = [label for label, owner in LABEL_OWNERS.items() if owner == shard]
        genrule(name = test, out = test + ".xml", cmd = "run_test " + test, labels = labels[:3])
