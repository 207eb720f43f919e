# Packs web assets into a content-addressed bundle with a single genrule.

def _copy_step(src, dest_root):
    return "mkdir -p $OUT/%s && cp $(location :%s) $OUT/%s/%s" % (
        dest_root + "/" + src.rsplit("/", 1)[0] if "/" in src else dest_root,
        src,
        dest_root,
        src,
    )

def _bundle_script(name, srcs, dest_root, minify):
    script = "set -euo pipefail; mkdir -p $OUT; "
    for src in srcs:
        script += _copy_step(src, dest_root) + " && "
        if minify and src.endswith(".js"):
            script += "$(exe //tools/web:terser) --in-place $OUT/%s/%s && " % (dest_root, src)
    script += "$(exe //tools/web:hash_manifest) $OUT > $OUT/manifest.json"
    return script

def web_bundle(name, srcs, dest_root = "static", minify = True, visibility = ["PUBLIC"]):
    for src in srcs:
        filegroup(name = src, srcs = [src])
    genrule(
        name = name,
        out = name,
        cmd = _bundle_script(name, srcs, dest_root, minify),
        visibility = visibility,
    )
