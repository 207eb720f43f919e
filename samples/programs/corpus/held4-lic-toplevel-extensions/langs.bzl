_LANGS = {
    "cxx": ["cc", "cpp", "cxx", "c++", "C"],
    "objc": ["m", "mm"],
    "asm": ["s", "S", "asm"],
}

def supported_extensions(lang, flavors):
    exts = []
    for base in _LANGS[lang]:
        for flavor in flavors:
            exts.append("{}.{}".format(flavor, base))
            exts.append(base)
    return exts
