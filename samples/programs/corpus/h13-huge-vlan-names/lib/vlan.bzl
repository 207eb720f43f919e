"""VLAN naming conventions."""

MAX_VLAN = 4094

_VLAN_NAME = "{site}-v{vid}-{role}"

def _role(vid):
    if vid < 100:
        return "access"
    if vid < 1000:
        return "transit"
    return "reserved"

def vlan_name_table(sites):
    """Every (site, vid) -> canonical VLAN name."""
    return {
        (site, vid): _VLAN_NAME.format(site = site, vid = vid, role = _role(vid))
        for site in sites
        for vid in range(1, MAX_VLAN + 1)
    }
