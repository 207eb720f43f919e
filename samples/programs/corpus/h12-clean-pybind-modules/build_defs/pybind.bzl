_GEN = "$(exe //tools:pybind_gen)"

def _outs(module, symbols):
    # The generator writes one translation unit and one stub per exported symbol.
    return ["{}/{}.cpp".format(module, s) for s in symbols] + ["{}/{}.pyi".format(module, s) for s in symbols]

def _check_symbols(module, symbols):
    for s in symbols:
        if not s.islower() or s.startswith("_") or s.endswith("_"):
            fail("{}: symbol {} is not a public snake_case name".format(module, s))

def pybind_modules(prefix, modules):
    for mod in modules:
        _check_symbols(mod.module, mod.symbols)
        outs = _outs(mod.module, mod.symbols)
        genrule(
            name = "{}_{}_gen".format(prefix, mod.module),
            srcs = ["bindings/{}.yaml".format(mod.module)],
            outs = outs,
            cmd = "{} --module {} --out $OUT".format(_GEN, mod.module),
        )
        cxx_library(
            name = "{}_{}".format(prefix, mod.module),
            srcs = [":{}_{}_gen[{}]".format(prefix, mod.module, o) for o in outs if o.endswith(".cpp")],
            deps = ["//third_party/pybind11:pybind11", "//qf:" + mod.module.replace("qf_", "")],
        )
        for sym in mod.symbols:
            # One smoke test per binding: the generator's signature table is per symbol.
            python_library(
                name = "{}_{}_{}_test".format(prefix, mod.module, sym),
                srcs = ["bindings/tests/test_binding.py"],
                resources = [":{}_{}_gen[{}/{}.pyi]".format(prefix, mod.module, mod.module, sym)],
                env = {"QF_MODULE": mod.module, "QF_SYMBOL": sym},
            )
