load("//lib:expand.bzl", "expand_nf_instances")

_EXPOSED = {
    "amf": ["n1", "n2"],
    "smf": ["n4"],
    "upf": ["n3", "n6"],
    "nrf": ["sbi"],
}

def _nf_cfg(slices, interfaces, plmn):
    return struct(slices = slices, interfaces = interfaces, plmn = plmn, exposed_ifaces = _EXPOSED)

def _emit_instance(inst):
    cxx_binary(
        name = inst.name,
        srcs = ["nf/%s/main.cc" % inst.nf],
        deps = ["//nf/%s:core" % inst.nf],
        args = inst.args,
    )

def _nf_services_impl(cfg, nfs):
    instances = []
    for nf in nfs:
        instances.extend(expand_nf_instances(cfg, nf))
    emitted = []
    for inst in instances:
        if inst.enabled:
            _emit_instance(inst)
            emitted.append(":" + inst.name)
    return emitted

def nf_services(name, nfs, slices, interfaces, plmn = "001-01"):
    cfg = _nf_cfg(slices, interfaces, plmn)
    filegroup(name = name, srcs = _nf_services_impl(cfg, nfs))
