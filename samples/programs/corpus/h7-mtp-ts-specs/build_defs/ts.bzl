# TypeScript package targets for the web monorepo.

_TSCONFIG_TMPL = '{"compilerOptions": {"target": "%s", "module": "%s", "strict": %s, "paths": {%s}}, "include": [%s]}'

_DEFAULTS = dict(
    target = "es2020",
    module = "esnext",
    strict = True,
    enabled_tiers = ["core"],
)

def _paths_entries(pkg, deps):
    return ", ".join(['"@app/%s/*": ["../%s/src/*"]' % (d, d) for d in deps + [pkg]])

def _package_spec(pkg, deps, tier, opts):
    srcs = ["packages/%s/src/%s/%s_%d.ts" % (pkg, area, area, i) for area in ["components", "hooks", "stores", "utils", "api"] for i in range(24)]
    return {
        "name": pkg,
        "tier": tier,
        "srcs": srcs,
        "deps": [":%s" % d for d in deps],
        "tsconfig": _TSCONFIG_TMPL % (
            opts["target"],
            opts["module"],
            "true" if opts["strict"] else "false",
            _paths_entries(pkg, deps),
            ", ".join(['"%s"' % s for s in srcs]),
        ),
        "labels": ["ts", "tier:" + tier],
    }

def _collect_specs(packages, opts):
    specs = []
    for pkg in packages:
        specs.append(_package_spec(pkg.name, pkg.deps, pkg.tier, opts))
    return specs

def ts_packages(packages, **kwargs):
    opts = dict(_DEFAULTS, **kwargs)
    specs = _collect_specs(packages, opts)
    for spec in specs:
        if spec["tier"] not in opts["enabled_tiers"]:
            continue
        genrule(
            name = spec["name"],
            srcs = spec["srcs"],
            out = "%s.tsbuildinfo" % spec["name"],
            cmd = "tsc -p - <<'EOF'\n%s\nEOF" % spec["tsconfig"],
            labels = spec["labels"],
        )
