# One SPIR-V genrule per shader and stage, with the quality level baked in.
_STAGES = ["vert", "frag", "comp"]

def shader_library(name, shaders, quality = 3, levels = 8, options_per_level = 400):
    outs = []
    for shader in shaders:
        for stage in _STAGES:
            level_table = {
                (level, option): "-DQ%d_OPT%d=1" % (level, option)
                for level in range(levels)
                for option in range(options_per_level)
            }
            defines = [level_table.get((quality, option), "") for option in range(4)]
            genrule(
                name = "%s_%s_%s" % (name, shader, stage),
                out = "%s.%s.spv" % (shader, stage),
                cmd = "glslc -fshader-stage=%s %s %s.glsl -o $OUT" % (stage, " ".join(defines), shader),
            )
            outs.append(":%s_%s_%s" % (name, shader, stage))
    filegroup(name = name, srcs = outs)
