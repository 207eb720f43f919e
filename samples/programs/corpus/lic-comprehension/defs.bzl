# Normalises source file names before declaring one library per source group.

LANGUAGE_EXTENSIONS = {
    "java": [".java", ".jav"],
    "kotlin": [".kt", ".kts"],
    "scala": [".scala", ".sc"],
    "groovy": [".groovy", ".gvy"],
}

def _known_extensions():
    """Every extension in upper and lower case, with and without the dot."""
    known = []
    for lang, exts in LANGUAGE_EXTENSIONS.items():
        for ext in exts:
            for variant in [ext, ext.upper(), ext.lower(), ext[1:], ext[1:].upper()]:
                known.append("{}:{}".format(lang, variant))
    return known + ["{}:{}".format(l, i) for l in LANGUAGE_EXTENSIONS for i in range(40)]

def _normalize(src, known):
    base, _, ext = src.rpartition(".")
    if "java:." + ext.lower() in known:
        return base + "." + ext.lower()
    return src

def java_sources(name, srcs):
    # The extension table does not depend on the source, but it is rebuilt for each one.
    normalized = [_normalize(src, _known_extensions()) for src in srcs]
    for i in range(0, len(normalized), 100):
        java_library(
            name = "{}_{}".format(name, i // 100),
            srcs = normalized[i:i + 100],
        )
