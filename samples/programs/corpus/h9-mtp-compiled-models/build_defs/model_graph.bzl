load("//build_defs:compile.bzl", "compile_model")

def _emit(compiled):
    genrule(
        name = "mdl_" + compiled.name,
        out = compiled.name + ".sql",
        cmd = "echo %d > $OUT" % len(compiled.sql),
    )

def model_graph(graph, fanout = 250):
    compiled = [compile_model(name, up, fanout) for name, up in graph]
    for c in compiled:
        _emit(c)
