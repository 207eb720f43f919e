# Python ML module graph: walk reachable modules from the pipeline roots.

def _node_record(mod, graph, depth, **kwargs):
    deps = graph.get(mod, [])
    return struct(
        module = mod,
        depth = depth,
        deps = list(deps),
        srcs = ["%s/%s.py" % (mod.replace(".", "/"), part) for part in kwargs.get("parts", ["__init__", "model", "layers", "losses", "data", "metrics", "config", "train"])],
        import_line = "from %s import *  # depth=%d via %s" % (mod, depth, ",".join(deps)),
        stub = "\n".join(["def %s_%d(*a, **k): ..." % (mod.split(".")[-1], i) for i in range(kwargs.get("stub_count", 20))]),
    )

def reachable_modules(roots, graph, **kwargs):
    """Every module reachable from roots, breadth-first, as full records."""
    records = []
    seen = {r: True for r in roots}
    worklist = [(r, 0) for r in roots]
    for _ in range(len(graph) + len(roots)):
        if not worklist:
            break
        next_list = []
        for mod, depth in worklist:
            records.append(_node_record(mod, graph, depth, **kwargs))
            for d in graph.get(mod, []):
                if d not in seen:
                    seen[d] = True
                    next_list.append((d, depth + 1))
        worklist = next_list
    return records

def ml_module_libraries(name, roots, graph, max_depth = 3, **kwargs):
    records = reachable_modules(roots, graph, **kwargs)
    emitted = []
    for rec in records:
        if rec.depth > max_depth:
            continue
        python_library(
            name = rec.module,
            srcs = rec.srcs[:2],
            deps = [":" + d for d in rec.deps],
        )
        emitted.append(":" + rec.module)
    filegroup(name = name, srcs = emitted)
