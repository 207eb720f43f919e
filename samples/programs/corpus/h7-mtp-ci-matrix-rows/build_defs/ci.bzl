# CI test matrix: one test shard target per enabled (suite, python, os, shard) cell.

_OSES = [
    struct(name = "ubuntu-22.04", arch = "x86_64", runner = "gh-linux-large"),
    struct(name = "ubuntu-22.04-arm", arch = "aarch64", runner = "gh-linux-arm"),
    struct(name = "macos-14", arch = "arm64", runner = "gh-macos"),
    struct(name = "windows-2022", arch = "x86_64", runner = "gh-windows"),
]

_PYTHONS = ["3.9", "3.10", "3.11", "3.12"]

def _cell_env(suite, py, os, shard, shards):
    return {
        "PYTEST_SUITE": suite,
        "PYTHON_VERSION": py,
        "RUNNER_OS": os.name,
        "RUNNER_ARCH": os.arch,
        "SHARD_INDEX": str(shard),
        "SHARD_COUNT": str(shards),
        "PYTEST_ADDOPTS": "-p no:cacheprovider --junitxml=out/%s-%s-%s-%d.xml" % (suite, py, os.name, shard),
    }

def _render_row(suite, py, os, shard, shards, enabled_oses, enabled_pythons):
    env = _cell_env(suite, py, os, shard, shards)
    return struct(
        name = "%s__py%s__%s__%d" % (suite, py.replace(".", ""), os.name, shard),
        enabled = os.name in enabled_oses and py in enabled_pythons,
        env = env,
        cmd = " ".join(["%s=%s" % (k, env[k]) for k in sorted(env)]) + " pytest tests/%s" % suite,
        runner = os.runner,
    )

def _all_rows(suites, shards, **kwargs):
    return [
        _render_row(suite, py, os, shard, shards, kwargs["enabled_oses"], kwargs["enabled_pythons"])
        for suite in suites
        for py in _PYTHONS
        for os in _OSES
        for shard in range(shards)
    ]

def ci_test_matrix(name, suites, shards = 8, **kwargs):
    rows = _all_rows(suites, shards, **kwargs)
    rows = [r for r in rows if r.enabled]
    for row in rows:
        genrule(
            name = "%s__%s" % (name, row.name),
            out = "%s.log" % row.name,
            cmd = row.cmd,
            labels = ["ci", row.runner],
        )

def _ci_wrapper(name, suites, **kwargs):
    kwargs.setdefault("enabled_oses", ["ubuntu-22.04"])
    kwargs.setdefault("enabled_pythons", ["3.11"])
    ci_test_matrix(name = name, suites = suites, **kwargs)

python_ci_matrix = _ci_wrapper
