# One unit test per module: each target's attributes are its own, nothing is rebuilt needlessly.

def unit_tests(modules, extra_deps):
    for module in modules:
        cxx_binary(
            name = module + "_test",
            srcs = ["{}/{}_test.cpp".format(module, module), "{}/{}_fixtures.cpp".format(module, module)],
            deps = [":" + module] + extra_deps,
            labels = ["unit", "module:" + module],
            env = {"TEST_MODULE": module, "TEST_TMPDIR": "/tmp/" + module},
        )
