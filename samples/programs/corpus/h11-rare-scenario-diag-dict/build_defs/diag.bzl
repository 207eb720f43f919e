_DIAG_BASE = {
    "tool": "sim_scenarios.bzl",
    "doc": "https://wiki.internal/sim/scenario-catalog#maps",
    "owner": "sim-infra",
}

def scenario_diagnostic(scenario, known_maps):
    return dict(
        _DIAG_BASE,
        scenario = scenario.name,
        map = scenario.map,
        known = ", ".join(sorted(known_maps)),
        nearest = [m for m in sorted(known_maps) if m[:3] == scenario.map[:3]],
    )
