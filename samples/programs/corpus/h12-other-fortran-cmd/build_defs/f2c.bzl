_F2C = "$(exe //third_party/f2c:f2c)"

def f2c_command(routines, src_dir, flags = ["-a", "-A", "-R"]):
    cmd = "set -e; mkdir -p $OUT"
    for routine in routines:
        cmd += " && {} {} -d$OUT {}/{}.f".format(_F2C, " ".join(flags), src_dir, routine)
    return cmd
