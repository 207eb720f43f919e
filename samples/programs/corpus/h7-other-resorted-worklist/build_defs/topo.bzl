# Deterministic topological order for TS project references (tsc -b order).

def _indegrees(graph):
    indeg = {n: 0 for n in graph}
    for n in graph:
        for d in graph[n]:
            indeg[d] = indeg.get(d, 0) + 1
    return indeg

def topo_order(graph, priority = None):
    """Kahn's algorithm with an explicit worklist kept in (priority, name) order."""
    priority = priority or {}
    indeg = _indegrees(graph)
    ready = sorted([(priority.get(n, 0), n) for n in graph if indeg[n] == 0])
    order = []
    for _ in range(len(graph)):
        if not ready:
            break
        _, node = ready.pop(0)
        order.append(node)
        for d in graph[node]:
            indeg[d] -= 1
            if indeg[d] == 0:
                ready.append((priority.get(d, 0), d))
        ready = sorted(ready)
    return order

def ts_build_order(name, graph, **kwargs):
    order = topo_order(graph, **kwargs)
    genrule(
        name = name,
        out = "tsconfig.build.json",
        cmd = "echo '%d references, first %s' > $OUT" % (len(order), order[0] if order else "-"),
    )
