# Copies a list of asset files into the output directory with one shell command.

def copy_assets(name, files):
    cmd = "mkdir -p $OUT && "
    for f in files:
        cmd += "cp $(location {}) $OUT/{} && ".format(f, f.replace("/", "_"))
    cmd += "true"
    genrule(
        name = name,
        out = "assets",
        cmd = cmd,
    )
