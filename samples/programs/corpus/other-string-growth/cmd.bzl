# One genrule whose command line lists every input.

def long_command(name, inputs):
    cmd = "pack_assets --out=$OUT"
    for inp in inputs:
        # Each += copies the whole command so far into a new string.
        cmd += " --input=$(location :{})".format(inp)
    genrule(name = name, out = name + ".pak", cmd = cmd)
