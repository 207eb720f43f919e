# One java_library per module in a monorepo "module graph" description.

_SOURCE_SETS = ["main", "test", "testFixtures", "integration", "contract", "benchmark"]
_LANGS = [("java", "java"), ("kotlin", "kt")]
_PKG_ROOT = "src/{set}/{lang}/com/shop/{module}"

def _source_paths(module, classes):
    return [
        (_PKG_ROOT + "/{cls}.{ext}").format(set = s, lang = lang, module = module, cls = cls, ext = ext)
        for s in _SOURCE_SETS
        for lang, ext in _LANGS
        for cls in classes
    ]

def _module_record(spec):
    srcs = _source_paths(spec.name, spec.classes)
    return struct(
        name = spec.name,
        main_srcs = [s for s in srcs if "/main/" in s],
        test_srcs = [s for s in srcs if "/main/" not in s],
        deps = [":" + d for d in spec.deps],
        labels = ["module:" + spec.name, "owner:" + spec.owner, "layer:" + spec.layer],
    )

def _emit(record, visibility):
    java_library(
        name = record.name,
        srcs = record.main_srcs,
        deps = record.deps,
        labels = record.labels,
        visibility = visibility,
    )
    java_library(
        name = record.name + "-tests",
        srcs = record.test_srcs,
        deps = record.deps + [":" + record.name],
        labels = record.labels + ["tests"],
    )

def java_module_graph(specs, visibility = ["PUBLIC"]):
    records = []
    for spec in specs:
        records.append(_module_record(spec))
    for record in records:
        _emit(record, visibility)
    filegroup(name = "all-modules", srcs = [":" + r.name for r in records])

def module(name, classes, deps = [], owner = "platform", layer = "domain"):
    return struct(name = name, classes = classes, deps = deps, owner = owner, layer = layer)
