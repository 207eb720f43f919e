"""Line-card firmware images: one bitstream + one port map per card model."""

_PORT_FMT = "%d/%d"

def _port_map_summary(card):
    labels = [_PORT_FMT % (slot, port) for slot in range(card.slots) for port in range(card.ports_per_slot)]
    return struct(count = len(labels), first = labels[0], last = labels[-1])

def _firmware_attrs(card, summary):
    return dict(
        name = "fw-" + card.model,
        srcs = ["rtl/%s/top.v" % card.fpga, "constraints/%s.xdc" % card.model],
        out = card.model + ".bit",
        cmd = "vivado-build --part {fpga} --ports {n} --range {a}..{b} -o $OUT".format(
            fpga = card.fpga, n = summary.count, a = summary.first, b = summary.last),
    )

def linecard_firmware(name, cards):
    images = []
    for card in cards:
        summary = _port_map_summary(card)
        genrule(**_firmware_attrs(card, summary))
        images.append(":fw-" + card.model)
    filegroup(name = name, srcs = images)
