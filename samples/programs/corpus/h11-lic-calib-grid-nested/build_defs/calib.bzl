load("//build_defs:fleet.bzl", "FLEET", "sensor_mounts")

_AXES = ("x", "y", "z", "roll", "pitch", "yaw")

def _check_version(version):
    parts = version.split(".")
    if len(parts) != 3 or not all([p.isdigit() for p in parts]):
        fail("calibration version must be MAJOR.MINOR.PATCH, got %r" % version)

def _calibration_tables_impl(name, version, vehicles, grid_rows, grid_cols):
    outs = []
    for vin in vehicles:
        vehicle = FLEET[vin]
        for mount in sensor_mounts(vehicle):
            grid_keys = ["%s/r%d_c%d" % (version, r, c) for r in range(grid_rows) for c in range(grid_cols)]
            for axis in _AXES:
                outs.append(struct(
                    vin = vin,
                    mount = mount,
                    axis = axis,
                    cells = len(grid_keys),
                ))
    for o in outs:
        genrule(
            name = "{}_{}_{}_{}".format(name, o.vin, o.mount, o.axis),
            out = "{}_{}_{}.yaml".format(o.vin, o.mount, o.axis),
            cmd = "calibgen --cells {} --axis {} > $OUT".format(o.cells, o.axis),
        )

def calibration_tables(name, vehicles, version = "3.2.0", grid_rows = 40, grid_cols = 40):
    _check_version(version)
    _calibration_tables_impl(name, version, vehicles, grid_rows, grid_cols)
