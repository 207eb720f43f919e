FLEET = {
    "WP0AB2A9%d" % i: struct(
        model = ["atlas_v2", "atlas_v3", "shuttle"][i % 3],
        lidars = 2 + i % 3,
        cameras = 4 + i % 5,
    )
    for i in range(12)
}

def sensor_mounts(vehicle):
    mounts = ["lidar_%d" % i for i in range(vehicle.lidars)]
    mounts += ["cam_%d" % i for i in range(vehicle.cameras)]
    return mounts
