load(":datasets.bzl", "dataset_paths")

_BASE_ENV = {
    "QF_THREADS": "1",
    "QF_DETERMINISTIC": "1",
    "OMP_NUM_THREADS": "1",
}

def _regression_env(root, extra):
    env = dict(_BASE_ENV)
    for key, path in dataset_paths(root):
        env = dict(env, **{"QF_DATA_" + key: path})
    for key in extra:
        env = dict(env, **{key: extra[key]})
    return env

def pricing_regression_suite(name, models, root = "/data/qf", extra_env = {}):
    env = _regression_env(root, extra_env)
    for model in models:
        python_library(
            name = "{}_{}".format(name, model),
            srcs = ["regression/test_{}.py".format(model)],
            env = env,
        )
