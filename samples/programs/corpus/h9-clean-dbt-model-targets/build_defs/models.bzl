def _validate(name, sql):
    if not name.islower():
        fail("model names must be lower case: " + name)
    if not sql.endswith(".sql"):
        fail("%s: expected a .sql file" % name)
    if len(name) > 63:
        fail("%s: name too long for the warehouse" % name)

def dbt_model(name, sql, deps = [], materialized = "view", tags = []):
    _validate(name, sql)
    attrs = {
        "out": name + ".compiled.sql",
        "srcs": [sql],
        "cmd": "dbt compile --select %s --materialized %s" % (name, materialized),
        "labels": ["dbt", materialized] + tags,
    }
    if deps:
        attrs["deps"] = [":" + d for d in deps]
    genrule(name = name, **attrs)
