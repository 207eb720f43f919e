load("//build_defs:visibility.bzl", "resolve_visibility")

_check_vis = resolve_visibility

def _lib_attrs(team, spec):
    return {
        "name": spec.name,
        "srcs": spec.srcs,
        "exported_headers": [s.replace(".cpp", ".h") for s in spec.srcs],
        "deps": spec.deps,
        "labels": ["team:" + team, "oncall:" + team],
    }

def _team_libraries_impl(team, specs, public_api):
    [
        cxx_library(
            visibility = _check_vis(team, public_api),
            **_lib_attrs(team, spec)
        )
        for spec in specs
    ]

def team_libraries(team, libs, public_api = []):
    specs = [
        struct(name = l["name"], srcs = l.get("srcs", []), deps = l.get("deps", []), public = l.get("public", False))
        for l in libs
    ]
    _team_libraries_impl(team, specs, public_api)
