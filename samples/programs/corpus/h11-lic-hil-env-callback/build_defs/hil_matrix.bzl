load("//build_defs:hil_bench.bzl", "BENCHES", "bench_environment")

def _row_name(suite, row):
    return "{}__{}__{}".format(suite, row.scenario, row.firmware).replace(".", "_")

def _expand_rows(suite, bench, rows, make_env):
    tests = []
    for row in rows:
        env = make_env(bench)
        tests.append(struct(
            name = _row_name(suite, row),
            scenario = row.scenario,
            firmware = row.firmware,
            env_count = len(env),
        ))
    return tests

def hil_test_matrix(name, bench, scenarios, firmwares, env_factory = bench_environment):
    if bench not in BENCHES:
        fail("unknown HIL bench %s (have %s)" % (bench, ", ".join(BENCHES.keys())))
    rows = [struct(scenario = s, firmware = f) for s in scenarios for f in firmwares]
    tests = _expand_rows(name, BENCHES[bench], rows, env_factory)
    for t in tests:
        python_library(
            name = t.name,
            srcs = ["hil/scenarios/%s.py" % t.scenario],
            resources = ["firmware/%s.bin" % t.firmware],
        )
