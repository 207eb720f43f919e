_TYPING_STUBS = "//third-party/python:typing_extensions"
_SHARED = ["//third-party/python:attrs", "//third-party/python:click", "//python/common:logging"]

def module_info(path):
    """Everything the per-module python_library needs, derived from the file path."""
    parts = path[:-3].split("/")
    pkg = "/".join(parts[:-1])
    dotted = ".".join(parts)
    return struct(
        path = path,
        name = "_".join(parts),
        module = dotted,
        base_module = ".".join(parts[:-1]),
        parents = [".".join(parts[:i]) for i in range(1, len(parts))],
        deps = ["//python/%s:%s" % (pkg, parts[-2] if len(parts) > 1 else "root"), _TYPING_STUBS] + _SHARED,
        resources = [pkg + "/py.typed", pkg + "/__init__.py"],
        labels = ["lang:python", "pkg:" + pkg, "module:" + parts[-1], "typecheck:strict" if "core" in parts else "typecheck:basic"],
        typing_stub = "%s.pyi" % path[:-3],
        test_name = "test_" + "_".join(parts),
        is_test = parts[-1].startswith("test_"),
    )

def py_module_library(info, visibility):
    python_library(
        name = info.name,
        srcs = [info.path],
        base_module = info.base_module,
        deps = info.deps,
        resources = info.resources,
        labels = info.labels,
        visibility = visibility,
    )
