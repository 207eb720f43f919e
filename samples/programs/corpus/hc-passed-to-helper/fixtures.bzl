# Golden-file fixture sets: one filegroup-like genrule per set.

def _set_summary(files, index, per_set):
    # Reads one slice of the huge list: the first and the count of its set.
    first = files[index * per_set]
    return "{}+{}".format(first, per_set)

def _declare_sets(name, files, sets, per_set):
    for index in range(sets):
        genrule(
            name = "{}_set_{}".format(name, index),
            out = "set_{}.stamp".format(index),
            cmd = "check_goldens " + _set_summary(files, index, per_set),
        )

def fixture_sets(name, sets, files_per_set):
    # Every file path of every set, built in one comprehension and handed to a helper that loops.
    files = ["testdata/{}/set_{}/file_{}.golden".format(name, s, f) for s in range(sets) for f in range(files_per_set)]
    _declare_sets(name, files, sets, files_per_set)
