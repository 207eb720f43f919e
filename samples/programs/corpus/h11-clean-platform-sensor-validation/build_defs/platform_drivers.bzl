load("//build_defs:validate.bzl", "check_firmware_version", "check_sensor_name")

PLATFORMS = [
    struct(name = "atlas_v2", arch = "aarch64", toolchain = "gcc11_aarch64", can_fd = True),
    struct(name = "atlas_v3", arch = "aarch64", toolchain = "gcc13_aarch64", can_fd = True),
    struct(name = "shuttle", arch = "x86_64", toolchain = "clang17_x86", can_fd = False),
    struct(name = "yard_tractor", arch = "aarch64", toolchain = "gcc11_aarch64", can_fd = False),
    struct(name = "sim", arch = "x86_64", toolchain = "clang17_x86", can_fd = True),
]

def _driver_flags(platform, sensor, fw):
    # Depends on both the platform and the sensor: one flag set per (platform, sensor) pair.
    return [
        "-march=" + ("armv8.2-a" if platform.arch == "aarch64" else "x86-64-v3"),
        "-DPLATFORM_%s=1" % platform.name.upper(),
        "-DSENSOR_%s=1" % sensor.name.upper(),
        "-DSENSOR_FW=%d_%d_%d" % fw,
        "-DCAN_FD=%d" % (1 if platform.can_fd and sensor.bus == "can" else 0),
        "-I drivers/{}/{}/include".format(sensor.kind, sensor.name),
    ]

def platform_driver_matrix(sensors):
    for s in sensors:
        check_sensor_name(s.name)
    fw = {s.name: check_firmware_version(s.name, s.firmware) for s in sensors}
    for platform in PLATFORMS:
        libs = []
        for s in sensors:
            if s.arch_only and s.arch_only != platform.arch:
                continue
            target = "{}__{}".format(platform.name, s.name)
            cxx_library(
                name = target,
                srcs = ["drivers/{}/{}/{}.cpp".format(s.kind, s.name, f) for f in s.units],
                compiler_flags = _driver_flags(platform, s, fw[s.name]),
                labels = ["platform:" + platform.name, "toolchain:" + platform.toolchain],
            )
            libs.append(":" + target)
        cxx_library(name = platform.name + "_drivers", exported_deps = libs)
