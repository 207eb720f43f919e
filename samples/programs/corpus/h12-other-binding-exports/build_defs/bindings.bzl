def _binding_genrule(name, module, symbols):
    genrule(
        name = "{}_{}_pybind".format(name, module),
        out = "{}_bindings.cpp".format(module),
        srcs = ["bindings/{}.yaml".format(module)],
        cmd = "$(exe //tools:pybind_gen) --module {} --symbols {} > $OUT".format(module, len(symbols)),
    )

def python_bindings(name, modules, visibility = ["PUBLIC"]):
    exported = []
    for mod in modules:
        _binding_genrule(name, mod.module, mod.symbols)
        for sym in mod.symbols:
            qualified = "{}.{}".format(mod.module, sym)
            if qualified in exported:
                fail("duplicate exported symbol " + qualified)
            exported = sorted(exported + [qualified])
    python_library(
        name = name,
        srcs = ["python/{}/__init__.py".format(name)],
        resources = [":{}_{}_pybind".format(name, m.module) for m in modules],
        env = {"QF_EXPORTS": ",".join(exported)},
        visibility = visibility,
    )
