"""One configuration package per (site, pod): router, switch stack and OOB console configs."""

_ROLES = ["pe", "p", "tor", "oob", "fw"]

_TEMPLATE_FILES = ["base", "aaa", "snmp", "ntp", "syslog", "interfaces", "routing", "policy", "qos", "acl"]

def _device_srcs(site, pod, role):
    return ["sites/%s/pod%d/%s/%s.j2" % (site, pod, role, part) for part in _TEMPLATE_FILES]

def _device_target(region, site, pod, role):
    host = "%s%d-%s.%s" % (site, pod, role, region)
    genrule(
        name = "cfg-" + host,
        srcs = _device_srcs(site, pod, role) + ["inventory/%s/pod%d.yaml" % (site, pod)],
        out = host + ".cfg",
        cmd = "netrender --host {h} --role {r} --region {g} $SRCS > $OUT".format(h = host, r = role, g = region),
        labels = ["netcfg", "region:" + region, "site:" + site, "role:" + role],
    )
    return ":cfg-" + host

def site_packages(regions, pods_per_site):
    for region, sites in regions.items():
        for site in sites:
            devices = []
            for pod in range(pods_per_site):
                for role in _ROLES:
                    devices.append(_device_target(region, site, pod, role))
            filegroup(name = "site-" + site, srcs = devices)
