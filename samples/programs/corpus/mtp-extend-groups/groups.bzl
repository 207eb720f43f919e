# Test targets for every group, gathered group by group into one list, then declared.

def _test_spec(group, i):
    name = "{}_test_{}".format(group, i)
    return struct(
        name = name,
        srcs = ["{}/{}.py".format(group, name), "{}/conftest.py".format(group)],
        labels = ["group:" + group, "shard:{}".format(i % 4)],
        env = {"GROUP": group, "INDEX": str(i)},
    )

def grouped_tests(groups):
    all_specs = []
    for group, count in groups.items():
        all_specs.extend([_test_spec(group, i) for i in range(count)])
    for spec in all_specs:
        python_library(name = spec.name, srcs = spec.srcs, labels = spec.labels, env = spec.env)
