def _resolve(module, index, prefix, dotted):
    deps = ["{}/{}:{}".format(prefix, d, d) for d in index.get(module, [])]
    return struct(
        name = module,
        srcs = ["{}/__init__.py".format(module), "{}/core.py".format(module)],
        deps = deps,
        base_module = "{}.{}".format(dotted, module),
        typing = ["{}.pyi".format(d) for d in deps],
    )

def resolve_all(modules, index, prefix):
    dotted = prefix.removeprefix("//").replace("/", ".")
    return [_resolve(m, index, prefix, dotted) for m in modules]
