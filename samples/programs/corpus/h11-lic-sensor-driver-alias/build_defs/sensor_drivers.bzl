load("//build_defs:include_paths.bzl", "platform_include_paths")
load("//build_defs:platforms.bzl", "platform_info")

_inc = platform_include_paths

_SENSOR_KINDS = ("lidar", "radar", "camera", "imu", "gnss", "ultrasonic")

def _driver_attrs(platform, sensor, kind, copts):
    return {
        "name": "{}_{}_driver".format(platform, sensor),
        "srcs": ["drivers/{}/{}.cpp".format(kind, sensor)],
        "headers": ["drivers/{}/{}.h".format(kind, sensor)],
        "compiler_flags": copts[:8] + ["-DSENSOR_%s=1" % sensor.upper()],
    }

def _sensor_drivers_impl(platform, sensors):
    info = platform_info(platform)
    libs = [
        _driver_attrs(platform, s.name, s.kind, _inc(info))
        for s in sensors
        if s.kind in _SENSOR_KINDS
    ]
    for attrs in libs:
        cxx_library(**attrs)
    return [":" + a["name"] for a in libs]

def sensor_driver_suite(platform, sensors):
    deps = _sensor_drivers_impl(platform, sensors)
    cxx_library(name = platform + "_drivers", exported_deps = deps)
