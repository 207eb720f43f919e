"""Generated YANG bindings: plan every (model, language, variant) then instantiate."""

_GEN_CMD = "ygen --lang {lang} --variant {variant} --module {module} --root {root} -o $OUT $SRCS"

_RULES = {
    "cpp": lambda **kw: cxx_library(**kw),
    "python": lambda **kw: python_library(**kw),
    "go": lambda **kw: genrule(**kw),
    "rust": lambda **kw: rust_library(**kw),
    "java": lambda **kw: java_library(**kw),
}

def _module_of(path):
    return path.split("/")[-1][:-len(".yang")]

def _gen_step(cfg, path, lang, variant):
    module = _module_of(path)
    name = "%s-%s-%s" % (module, lang, variant)
    return struct(
        lang = lang,
        gen = {
            "name": name + "-gen",
            "srcs": [path],
            "out": name + ".src",
            "cmd": _GEN_CMD.format(lang = lang, variant = variant, module = module, root = cfg.root),
        },
        lib = {
            "name": name,
            "srcs": [":" + name + "-gen"],
            "labels": ["yang", "generated", lang, variant, "org:" + path.split("/")[1]],
        },
    )

def _plan(cfg, models):
    steps = []
    for path in models:
        for lang in cfg.languages:
            for variant in cfg.variants:
                steps.append(_gen_step(cfg, path, lang, variant))
    return steps

def _yang_binding_set_impl(cfg, models):
    plan = _plan(cfg, models)
    names = []
    for step in plan:
        if step.lang in cfg.enabled:
            genrule(**step.gen)
            _RULES[step.lang](**step.lib)
            names.append(":" + step.lib["name"])
    return names

def yang_binding_set(name, models, languages, variants, enabled = ("cpp",)):
    cfg = struct(root = "models", languages = languages, variants = variants, enabled = enabled)
    filegroup(name = name, srcs = _yang_binding_set_impl(cfg, models))
