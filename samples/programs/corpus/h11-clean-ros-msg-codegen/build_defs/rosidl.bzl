_GENERATORS = {
    "cpp": struct(ext = "hpp", tool = "rosidl_generator_cpp"),
    "py": struct(ext = "py", tool = "rosidl_generator_py"),
    "rs": struct(ext = "rs", tool = "rosidl_generator_rs"),
}

def _snake(name):
    out = []
    for i, c in enumerate(name.elems()):
        if c.isupper() and i > 0:
            out.append("_")
        out.append(c.lower())
    return "".join(out)

def rosidl_package(pkg, messages):
    if not pkg.endswith("_msgs") or not pkg.islower():
        fail("interface package '%s' must be lower case and end with _msgs" % pkg)
    lang_targets = {lang: [] for lang in _GENERATORS}
    for msg in messages:
        base = _snake(msg.name)
        for lang in _GENERATORS:
            gen = _GENERATORS[lang]
            target = "{}_{}_{}".format(pkg, base, lang)
            genrule(
                name = target,
                srcs = ["msg/{}.msg".format(msg.name)],
                out = "{}.{}".format(base, gen.ext),
                cmd = "{} --pkg {} --deps {} $SRCS > $OUT".format(gen.tool, pkg, ",".join(msg.fields)),
            )
            lang_targets[lang].append(":" + target)
    cxx_library(name = pkg + "_cpp", exported_deps = lang_targets["cpp"])
    python_library(name = pkg + "_py", deps = lang_targets["py"])
    rust_library(name = pkg + "_rs", deps = lang_targets["rs"])
