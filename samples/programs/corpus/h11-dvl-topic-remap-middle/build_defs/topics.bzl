def default_remaps(namespace, sensors):
    remaps = {}
    for s in sensors:
        for stream in ["points", "points_raw", "image_raw", "image_rect", "camera_info", "status", "diagnostics", "tf", "tf_static", "timing", "health", "config"]:
            remaps["/%s/%s" % (s, stream)] = "/%s/sensors/%s/%s" % (namespace, s, stream)
    return remaps
