"""Per-interface QoS policy rendering: DSCP class map applied to every WAN interface."""

DSCP_CLASSES = {
    "cs%d-%s" % (cs, drop): struct(dscp = cs * 8 + d, queue = cs, drop = drop)
    for cs in range(8)
    for d, drop in enumerate(["low", "medium", "high", "xhigh", "ef", "af", "be", "scav", "lbe", "rsv"])
}

def qos_policies(name, sites, interfaces, min_queue = 2, drop_suffix = "low"):
    cfg = struct(classes = DSCP_CLASSES, min_queue = min_queue, drop_suffix = drop_suffix)
    per_site = []
    for site in sites:
        total = 0
        for intf in interfaces:
            floor = cfg.min_queue + 2 if intf.startswith("et-") else cfg.min_queue
            for cls, spec in cfg.classes.items():
                if spec.queue >= floor and cls.endswith(cfg.drop_suffix):
                    total += spec.dscp
        genrule(
            name = "qos-" + site,
            srcs = ["qos/template.j2"],
            out = "qos-%s.cfg" % site,
            cmd = "render-qos --site %s --weight %d $SRCS > $OUT" % (site, total),
        )
        per_site.append(":qos-" + site)
    filegroup(name = name, srcs = per_site)
