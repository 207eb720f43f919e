_MAX_NAME = 48

def check_sensor_name(name):
    if len(name) > _MAX_NAME:
        fail("sensor name %s is longer than %d characters" % (name, _MAX_NAME))
    if not name.islower():
        fail("sensor name %s must be lower case" % name)
    if name.startswith("_") or name.endswith("_"):
        fail("sensor name %s must not start or end with '_'" % name)

def check_firmware_version(sensor, version):
    parts = version.split(".")
    if len(parts) != 3:
        fail("{}: firmware version '{}' must have three components".format(sensor, version))
    for p in parts:
        if not p.isdigit():
            fail("{}: firmware version component '{}' is not numeric".format(sensor, p))
    return (int(parts[0]), int(parts[1]), int(parts[2]))
