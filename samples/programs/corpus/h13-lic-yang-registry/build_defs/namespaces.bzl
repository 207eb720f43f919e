"""Namespace registry shared by every YANG binding rule."""

_URN_TEMPLATE = "urn:%s:params:xml:ns:yang:%s"

def _namespace_key(org, idx):
    return "{org}-module-{idx}".format(org = org, idx = idx)

def known_namespaces(cfg):
    """Returns module-name -> namespace URN for every registered org."""
    table = {}
    for org in cfg.orgs:
        for idx in range(cfg.registry_size):
            key = _namespace_key(org, idx)
            table[key] = struct(urn = _URN_TEMPLATE % (org, key), org = org, prefix = key[:8])
    return table
