# ML pipeline steps: every step runs the same runtime preamble before its entry point.

_PREAMBLE = [
    "import os, sys, json",
    "os.environ.setdefault('PYTHONHASHSEED', '0')",
] + [
    "register_op('op_%d', module='ml.ops.generated.op_%d', inputs=%d, outputs=%d)" % (i, i, i % 4 + 1, i % 3 + 1)
    for i in range(1500)
]

def _content_digest(lines, salt = ""):
    return "%x" % hash(salt + "\n".join(lines))

_digest = _content_digest

def _step_labels(step, preamble, **kwargs):
    labels = ["ml", "step:%s" % step.kind]
    labels.append("preamble:" + _digest(preamble, salt = kwargs.get("salt", "")))
    return labels

def _pipeline_impl(name, steps, preamble = _PREAMBLE, **kwargs):
    names = []
    for step in steps:
        target = "%s.%s" % (name, step.name)
        python_library(
            name = target,
            srcs = ["pipelines/%s/%s.py" % (name, step.name)],
            labels = _step_labels(step, preamble, **kwargs),
            deps = [":%s.%s" % (name, d) for d in step.deps],
        )
        names.append(":" + target)
    return names

def ml_pipeline(name, steps, **kwargs):
    members = _pipeline_impl(name = name, steps = steps, **kwargs)
    filegroup(name = name, srcs = members)
