# Targets that pick the newest registered toolchain providing their language.

LANGUAGES = ["cxx", "rust", "go", "java"]

REGISTRY = {
    "toolchain_{}".format(i): struct(language = LANGUAGES[i % 4], version = i)
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
    for i, name in enumerate(names):
        toolchain = _newest_for(LANGUAGES[i % len(LANGUAGES)])
        genrule(name = name, out = name + ".out", cmd = "build --toolchain-version={}".format(toolchain.version))
