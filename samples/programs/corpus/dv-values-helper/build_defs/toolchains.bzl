# Targets that pick the newest registered toolchain providing their language.

REGISTRY = {
    "toolchain_{}".format(i): struct(language = ["cxx", "rust", "go", "java"][i % 4], version = i)
    for i in range(400)
}

def _newest_for(language):
    newest = None
    # A new list of every registered toolchain, for each call.
    for toolchain in REGISTRY.values():
        if toolchain.language == language and (newest == None or toolchain.version > newest.version):
            newest = toolchain
    return newest

def toolchain_users(names):
    for name in names:
        toolchain = _newest_for("rust")
        genrule(name = name, out = name + ".out", cmd = "build --toolchain-version={}".format(toolchain.version))
