# Feature flags and the modules that enable them.

FEATURE_FLAGS = {
    "flag_{}".format(i): ["module_{}".format(m) for m in range(i % 5, 400, 97)]
    for i in range(600)
}
