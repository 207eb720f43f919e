load("//build_defs:diag.bzl", "scenario_diagnostic")

def _validate_scenario(scenario, known_maps):
    diag = scenario_diagnostic(scenario, known_maps)
    if scenario.map not in known_maps:
        fail("[{owner}] scenario {scenario} uses unknown map {map}; known maps: {known}; see {doc}".format(**diag))

def _scenario_impl(suite, scenarios, known_maps):
    for s in scenarios:
        _validate_scenario(s, known_maps)
        python_library(
            name = "{}__{}".format(suite, s.name),
            srcs = ["scenarios/{}.py".format(s.script)],
            resources = ["maps/{}/lanelet2.osm".format(s.map)],
        )

def scenario_suite(name, scenarios, map_catalog):
    known_maps = {m: True for m in map_catalog}
    _scenario_impl(name, scenarios, known_maps)
