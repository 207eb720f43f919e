def collect_sources(dirs, per_dir):
    srcs = []
    for d in dirs:
        for i in range(per_dir):
            srcs = srcs + ["{}/file_{}.py".format(d, i)]
    return srcs
