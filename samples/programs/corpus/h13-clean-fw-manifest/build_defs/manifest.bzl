"""Signed firmware bundles: the manifest is part of the signed payload, so it is rendered in full."""

_ENTRY = "{component} {version} sha256:{digest}"

def _entry(card, component, version):
    digest = "%x" % (hash("%s/%s/%s" % (card, component, version)) & 0xffffffff)
    return _ENTRY.format(component = component, version = version, digest = digest)

def _manifest(card, components):
    entries = [_entry(card, c, v) for c, v in components.items()]
    entries = sorted(entries)
    return "\n".join(["# manifest for " + card] + entries)

def firmware_bundle(name, card, components):
    manifest = _manifest(card, components)
    genrule(
        name = name,
        srcs = ["blobs/%s.tar" % card],
        out = name + ".fwb",
        cmd = "fwsign --card %s --manifest-inline '%s' $SRCS > $OUT" % (card, manifest),
    )
