load("//build_defs:arch.bzl", "ARCH_HANDLERS")

_COMPILER = "bf-p4c"

def _p4_cfg(arch, pipes, stages):
    if arch not in ARCH_HANDLERS:
        fail("unknown P4 architecture: %s" % arch)
    return struct(arch = arch, pipes = pipes, stages = stages)

def _compile_cmd(cfg, prog, n_externs):
    return "%s --arch %s --num-stages-override %d -o $OUT $SRCS # %d externs" % (
        _COMPILER, cfg.arch, cfg.stages, n_externs)

def _p4_programs_impl(cfg, programs):
    outs = []
    for prog in programs:
        externs = ARCH_HANDLERS[cfg.arch](cfg)
        genrule(
            name = prog + "_p4",
            srcs = [prog + ".p4"],
            out = prog + ".bfa",
            cmd = _compile_cmd(cfg, prog, len(externs)),
        )
        outs.append(":" + prog + "_p4")
    return outs

def p4_programs(name, arch, programs, pipes = 2, stages = 12):
    cfg = _p4_cfg(arch, pipes, stages)
    filegroup(name = name, srcs = _p4_programs_impl(cfg, programs))
