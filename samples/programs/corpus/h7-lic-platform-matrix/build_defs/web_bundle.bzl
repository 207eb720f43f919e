load("//build_defs:platforms.bzl", "expand_platform_matrix")

_DEFAULT_BUNDLER = "//tools/esbuild:bundler"

def _slug(path):
    return path.split(".")[0].replace("src/", "").replace("/", "_")

def _bundle_attrs(entry, matrix, chunk_size, **kwargs):
    # Only the primary row for this entry's variant is needed for the label.
    primary = [r for r in matrix if r.key.startswith(kwargs.get("variant", "modern") + "-")][0]
    attrs = {
        "srcs": [entry],
        "out": entry.replace(".tsx", ".js").replace(".ts", ".js"),
        "cmd": "$(exe %s) %s --chunk-size=%d $SRCS > $OUT" % (kwargs.get("bundler", _DEFAULT_BUNDLER), primary.cmdline, chunk_size),
        "labels": ["web", "bundle", primary.key],
    }
    return attrs

def _web_bundles_impl(name, entries, chunk_size = 65536, platforms = None, **kwargs):
    for entry in entries:
        matrix = expand_platform_matrix(**(platforms or {}))
        attrs = _bundle_attrs(entry, matrix, chunk_size, **kwargs)
        genrule(
            name = "%s--%s" % (name, _slug(entry)),
            **attrs
        )

def web_bundles(name, entries, visibility = None, **kwargs):
    _web_bundles_impl(name = name, entries = entries, **kwargs)
    filegroup(
        name = name,
        srcs = [":%s--%s" % (name, _slug(e)) for e in entries],
        visibility = visibility or ["PUBLIC"],
    )
