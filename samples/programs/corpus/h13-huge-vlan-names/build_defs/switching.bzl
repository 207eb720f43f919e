load("//lib:vlan.bzl", "vlan_name_table")

def _switch_cfg(site, vlans, names):
    return struct(
        site = site,
        vlans = [struct(vid = v, name = names[(site, v)]) for v in vlans],
    )

def _emit(cfg):
    genrule(
        name = "sw-config-" + cfg.site,
        srcs = ["templates/switch.j2"],
        out = "sw-%s.cfg" % cfg.site,
        cmd = "render --vlans %s $SRCS > $OUT" % ",".join([v.name for v in cfg.vlans]),
    )

def site_switch_configs(name, sites):
    names = vlan_name_table(sites.keys())
    for site, vlans in sites.items():
        _emit(_switch_cfg(site, vlans, names))
    filegroup(name = name, srcs = [":sw-config-" + s for s in sites])
