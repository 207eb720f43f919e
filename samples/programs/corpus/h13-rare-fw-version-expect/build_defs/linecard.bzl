load("//build_defs:checks.bzl", "expect_in")

SUPPORTED_VERSIONS = ["%d.%d.%d" % (major, minor, patch) for major in range(5, 9) for minor in range(8) for patch in range(20)]

_FW_CMD = "fwpack --card {card} --version {version} --fpga {fpga} -o $OUT"

def _image_attrs(slot, card):
    return {
        "name": "fw-" + slot,
        "srcs": ["images/%s/%s.bin" % (card.fpga, card.version)],
        "out": "fw-%s.pkg" % slot,
        "cmd": _FW_CMD.format(card = slot, version = card.version, fpga = card.fpga),
    }

def linecard_images(name, cards):
    allowed = {v: True for v in SUPPORTED_VERSIONS}
    images = []
    for slot, card in cards.items():
        expect_in(card.version, allowed, "line card %s: firmware %s is not supported; supported versions: %s" % (
            slot, card.version, ", ".join([v for v in SUPPORTED_VERSIONS if v.split(".")[0] == card.version.split(".")[0]])))
        genrule(**_image_attrs(slot, card))
        images.append(":fw-" + slot)
    filegroup(name = name, srcs = images)
