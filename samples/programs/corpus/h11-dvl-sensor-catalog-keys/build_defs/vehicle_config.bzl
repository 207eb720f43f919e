load("//build_defs:sensor_catalog.bzl", "SENSOR_CATALOG")

def _driver_dep(part):
    entry = SENSOR_CATALOG[part]
    return "//drivers/{}:{}".format(entry.kind, entry.vendor)

def vehicle_sensor_config(name, installed, strict = False):
    known = [p for p in installed if p in SENSOR_CATALOG.keys()]
    unknown = len(installed) - len(known)
    if strict and unknown:
        fail("{}: {} installed sensors are not in the catalog".format(name, unknown))
    deps = sorted({_driver_dep(p): None for p in known})
    genrule(
        name = name + "_sensor_yaml",
        out = name + "_sensors.yaml",
        cmd = "sensorcfg " + " ".join(known) + " > $OUT",
    )
    cxx_library(name = name + "_sensors", exported_deps = deps)
