# A rule whose implementation allocates in the analysis phase: it renders a config file of
# `entries` lines and keeps every line in a provider, so the memory profile sees it at dump.

ConfigInfo = provider(fields = ["lines", "index"])

def _render_line(name, i):
    return "{}.key_{} = {}".format(name, i, "value_{}_".format(i) * 4)

def _generated_config_impl(ctx):
    lines = [_render_line(ctx.label.name, i) for i in range(ctx.attr.entries)]
    index = {line: i for i, line in enumerate(lines)}
    out = ctx.actions.declare_file(ctx.label.name + ".cfg")
    ctx.actions.write(out, "\n".join(lines) + "\n")
    return [
        DefaultInfo(files = depset([out])),
        ConfigInfo(lines = lines, index = index),
    ]

generated_config = rule(
    implementation = _generated_config_impl,
    attrs = {"entries": attr.int(default = 100)},
)
