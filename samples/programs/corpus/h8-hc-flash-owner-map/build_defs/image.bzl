load("//build_defs:layout.bzl", "REGIONS", "owner_map")

def _region(om, addr):
    return om.get(addr - addr % 64, "unmapped")

def fw_image(name, app, syms, slot = "app_a"):
    om = owner_map(REGIONS)
    chk = []
    for s, addr in syms:
        r = _region(om, addr)
        if r == slot or r == "boot":
            continue
        chk.append("%s@0x%x:%s" % (s, addr, r))
    genrule(
        name = name,
        srcs = [app],
        out = name + ".bin",
        cmd = "objcopy -O binary $SRCS $OUT && imgcheck %s" % " ".join(chk),
    )
