def lidar_channel_library(name, model, channel, elevation_mdeg, azimuth_offsets):
    if channel < 0:
        fail("{}: negative channel index {}".format(name, channel))
    cxx_library(
        name = name,
        srcs = ["lidar/%s/channel_decoder.cpp" % model],
        preprocessor_flags = [
            "-DLIDAR_CHANNEL=%d" % channel,
            "-DLIDAR_ELEVATION_MDEG=%d" % elevation_mdeg,
        ] + ["-DAZ_OFFSET_%d=%d" % (i, a) for i, a in enumerate(azimuth_offsets)],
    )
