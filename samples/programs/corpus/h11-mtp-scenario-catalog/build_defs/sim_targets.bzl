load("//build_defs:catalog.bzl", "load_catalog")

def _sim_test(s, sim_binary):
    python_library(
        name = s.key.replace(".", "_"),
        srcs = ["runner/run_scenario.py"],
        deps = [sim_binary],
        resources = ["scenarios/{}.yaml".format(s.script)],
    )

def simulation_suite(map_name, sim_binary = "//sim:engine", weather = None):
    everything = load_catalog()
    selected = [
        s
        for s in everything.values()
        if s.map == map_name and (weather == None or s.weather == weather)
    ]
    if not selected:
        fail("no scenarios for map {} (weather={})".format(map_name, weather))
    for s in selected:
        _sim_test(s, sim_binary)
