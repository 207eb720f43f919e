# Libraries with an owning team: an index of every component is built, then walked once.

def _entry(component, team):
    return {
        "srcs": ["{}/{}.cpp".format(component, f) for f in ["impl", "api", "util"]],
        "headers": ["{}/{}.h".format(component, f) for f in ["api", "util"]],
        "owner": team,
        "contacts": ["oncall+{}@example.com".format(team), "{}-leads@example.com".format(team)],
    }

def _index(components, teams):
    by_name = {}
    for i, component in enumerate(components):
        by_name[component] = _entry(component, teams[i % len(teams)])
    return by_name

def owned_libraries(components, teams):
    # The whole index exists before the first library is declared.
    by_name = _index(components, teams)
    for name, entry in by_name.items():
        cxx_library(name = name, srcs = entry["srcs"], headers = entry["headers"], labels = ["owner:" + entry["owner"]])
