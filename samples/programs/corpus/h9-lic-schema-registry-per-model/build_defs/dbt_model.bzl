load("//build_defs:registry.bzl", "load_registry")

def _typed_columns(model, env):
    registry = load_registry(env)
    out = []
    for col in model["columns"]:
        out.append("%s:%s" % (col, registry.get(col, "UNKNOWN")))
    return out

def _model_impl(models, env):
    for model in models:
        typed = _typed_columns(model, env)
        genrule(
            name = "model_" + model["name"],
            out = model["name"] + ".sql",
            cmd = "dbt-compile --env %s --columns %s" % (env, ",".join(typed)),
        )

def dbt_models(models, env = "dev"):
    _model_impl(models, env)
