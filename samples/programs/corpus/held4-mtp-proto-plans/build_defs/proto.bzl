load("//build_defs:proto_plan.bzl", "plan_all")

def _declare(plan):
    genrule(
        name = plan.name,
        srcs = plan.srcs,
        outs = plan.outs,
        cmd = plan.cmd,
        labels = plan.labels,
    )

def proto_sources(protos, langs = ["cpp", "py", "java"]):
    plans = plan_all(protos, langs)
    for plan in plans:
        _declare(plan)
