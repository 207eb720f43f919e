# Web frontend CI matrix: every (browser, node, shard) cell is a real test target.

MATRIX_AXES = {
    "browser": ["chromium", "firefox", "webkit"],
    "node": ["18", "20", "22"],
}

_BASE_ENV = {
    "CI": "true",
    "FORCE_COLOR": "0",
    "PLAYWRIGHT_BROWSERS_PATH": "/opt/pw",
}

def _cells(axes):
    # Walk the axes table once; the cells are the product of every axis.
    cells = [{}]
    for axis, values in axes.items():
        cells = [dict(c, **{axis: v}) for c in cells for v in values]
    return cells

def _cell_env(cell, shard, shards):
    env = dict(_BASE_ENV)
    env.update({
        "BROWSER": cell["browser"],
        "NODE_VERSION": cell["node"],
        "SHARD": "%d/%d" % (shard + 1, shards),
    })
    return env

def web_test_matrix(name, suites, shards = 4, **kwargs):
    cells = _cells(kwargs.get("axes", MATRIX_AXES))
    targets = []
    for suite in suites:
        for cell in cells:
            for shard in range(shards):
                env = _cell_env(cell, shard, shards)
                target = "%s-%s-%s-node%s-%d" % (name, suite, cell["browser"], cell["node"], shard)
                genrule(
                    name = target,
                    srcs = ["e2e/%s/%s.spec.ts" % (suite, suite)],
                    out = "%s.xml" % target,
                    cmd = " ".join(["%s=%s" % (k, env[k]) for k in sorted(env)]) + " playwright test --reporter=junit > $OUT",
                    labels = ["ci", "e2e", suite],
                )
                targets.append(":" + target)
    filegroup(name = name, srcs = targets)
