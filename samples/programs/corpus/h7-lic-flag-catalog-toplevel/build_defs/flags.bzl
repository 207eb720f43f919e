# Feature-flag tables shared by the web frontend and the Python services.

FLAG_ROWS = [
    struct(
        name = "%s_%s_%d" % (area, kind, i),
        area = area,
        kind = kind,
        default = (i % 3 == 0),
        rollout = (i * 7) % 100,
    )
    for area in ["checkout", "search", "feed", "ads", "ml", "infra"]
    for kind in ["killswitch", "experiment", "rollout"]
    for i in range(60)
]

def _flag_entry(row, env):
    return {
        "name": row.name,
        "area": row.area,
        "default": "true" if row.default else "false",
        "rollout": str(row.rollout if env == "prod" else 100),
        "ts_const": "export const %s = %s;" % (row.name.upper(), "true" if row.default else "false"),
        "py_const": "%s = %s" % (row.name.upper(), "True" if row.default else "False"),
    }

def build_flag_catalog(rows, env = "prod", **kwargs):
    """The rendered catalog: one entry per flag, with its per-language constants."""
    entries = [_flag_entry(r, env) for r in rows]
    return struct(
        entries = entries,
        ts_source = "\n".join([e["ts_const"] for e in entries]),
        py_source = "\n".join([e["py_const"] for e in entries]),
        names = [e["name"] for e in entries],
    )

def feature_flags_library(name, team, catalog, lang = "ts", **kwargs):
    wanted = [n for n in catalog.names if n.startswith(team + "_")]
    if lang == "py":
        python_library(
            name = name,
            srcs = ["flags/%s.py" % team],
            labels = ["flags", team, "count=%d" % len(wanted)],
            **kwargs
        )
    else:
        genrule(
            name = name,
            out = "%s_flags.ts" % team,
            cmd = "echo '%d flags' > $OUT" % len(wanted),
            labels = ["flags", team],
            **kwargs
        )
