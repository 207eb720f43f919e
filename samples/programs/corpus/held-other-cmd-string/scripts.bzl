def _copy_cmd(files, dest):
    cmd = "mkdir -p $OUT/{} && ".format(dest)
    for f in files:
        cmd += "cp $SRCDIR/{} $OUT/{}/ && ".format(f, dest)
    return cmd + "true"

def copy_resources(name, files, dest = "res"):
    genrule(
        name = name,
        srcs = files,
        out = dest,
        cmd = _copy_cmd(files, dest),
    )
