# Part numbers of every sensor the fleet has ever shipped, with the driver that handles it.
_VENDORS = {
    "hesai": "lidar", "ouster": "lidar", "luminar": "lidar", "conti": "radar", "bosch": "radar",
    "arbe": "radar", "sony": "camera", "onsemi": "camera", "xsens": "imu", "novatel": "gnss",
}

SENSOR_CATALOG = {
    "%s-%d" % (vendor, pn): struct(vendor = vendor, kind = kind, part = pn)
    for vendor, kind in _VENDORS.items()
    for pn in range(1000, 1300)
}
