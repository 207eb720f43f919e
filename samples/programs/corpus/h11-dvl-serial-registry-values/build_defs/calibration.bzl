load("//build_defs:registry.bzl", "is_certified_target")

_check = is_certified_target

def _calibration_rule(vin, cam, serial, certified):
    genrule(
        name = "cal_{}_{}".format(vin, cam),
        out = "{}_{}.yaml".format(vin, cam),
        cmd = "camcal --serial {} {} > $OUT".format(serial, "" if certified else "--provisional"),
    )

def camera_intrinsics(vehicles, cameras_per_vehicle = 12):
    count = 0
    for vin, serials in vehicles:
        for i in range(cameras_per_vehicle):
            serial = serials[i % len(serials)]
            _calibration_rule(vin, "cam%d" % i, serial, _check(serial))
            count += 1
    return count
