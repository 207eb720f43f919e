load("//build_defs:platforms.bzl", "platform_layout")

_UNIT_CMD = "junos-render --ifd {ifd} --mtu {mtu} --out $OUT"

def _ifd_target(ifname, mtu):
    name = "ifd-" + ifname.replace("/", "-")
    return dict(
        name = name,
        srcs = ["templates/ifd.j2"],
        out = name + ".conf",
        cmd = _UNIT_CMD.format(ifd = ifname, mtu = mtu),
    )

def _router_interface_impl(layout, interfaces, mtu):
    seen = {}
    for ifname in interfaces:
        if ifname not in ["%s-%d/%d/%d" % (pfx, f, p, n) for pfx in layout.prefixes for f in range(layout.fpcs) for p in range(layout.pics) for n in range(layout.ports)]:
            fail("interface %s does not exist on this chassis" % ifname)
        if ifname in seen:
            continue
        seen[ifname] = True
        genrule(**_ifd_target(ifname, mtu))
    return [":ifd-" + i.replace("/", "-") for i in seen]

def router_interface_package(name, platform, interfaces, mtu = 9192):
    layout = platform_layout(platform)
    filegroup(name = name, srcs = _router_interface_impl(layout, interfaces, mtu))
