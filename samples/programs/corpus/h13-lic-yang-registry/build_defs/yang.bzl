load("//build_defs:namespaces.bzl", "known_namespaces")

_LANGS = ["cpp", "py"]

def _binding_name(module, lang):
    return "%s-%s-bindings" % (module.replace("@", "_"), lang)

def _make_cfg(orgs, registry_size, default_prefix):
    return struct(orgs = orgs, registry_size = registry_size, default_prefix = default_prefix)

def _emit_binding(module, lang, ns):
    genrule(
        name = _binding_name(module, lang),
        srcs = [module.split("@")[0] + ".yang"],
        out = "%s.%s" % (module, lang),
        cmd = "pyang -f %s --ns %s $SRCS > $OUT" % (lang, ns.urn if ns else "urn:unknown"),
    )

def _yang_bindings_impl(cfg, modules):
    for module in modules:
        registry = known_namespaces(cfg)
        ns = registry.get(module.split("@")[0])
        for lang in _LANGS:
            _emit_binding(module, lang, ns)

def yang_bindings(name, modules, orgs, registry_size, default_prefix = "acme"):
    cfg = _make_cfg(orgs, registry_size, default_prefix)
    _yang_bindings_impl(cfg, modules)
    filegroup(name = name, srcs = [_binding_name(m, l) for m in modules for l in _LANGS])
