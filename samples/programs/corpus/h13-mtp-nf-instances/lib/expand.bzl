"""Expansion of one network function into its per-slice, per-interface instances."""

_ENV_TEMPLATE = "{nf}_{iface}_{slice}"

def _instance_env(nf, slice_id, iface):
    key = _ENV_TEMPLATE.format(nf = nf.upper(), iface = iface.upper(), slice = slice_id.replace("-", "_").upper())
    return {
        key + "_ENDPOINT": "%s.%s.svc.cluster.local" % (nf, slice_id),
        key + "_PLMN": "001-01",
        key + "_LOGLEVEL": "info",
    }

def expand_nf_instances(cfg, nf):
    return [
        struct(
            nf = nf,
            slice = slice_id,
            iface = iface,
            name = "%s-%s-%s" % (nf, slice_id, iface),
            env = _instance_env(nf, slice_id, iface),
            args = ["--nf", nf, "--slice", slice_id, "--iface", iface, "--plmn", cfg.plmn],
            enabled = iface in cfg.exposed_ifaces.get(nf, []),
        )
        for slice_id in cfg.slices
        for iface in cfg.interfaces
    ]
