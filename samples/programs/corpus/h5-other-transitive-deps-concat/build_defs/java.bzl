load("//build_defs:graph.bzl", "module_graph")

def _transitive_closure(graph, root):
    """Every module reachable from `root`, in discovery order."""
    order = []
    seen = {}
    stack = [root]
    for _ in range(len(graph) * len(graph) + 1):
        if not stack:
            break
        node = stack.pop()
        if node in seen:
            continue
        seen[node] = True
        order = order + [node]
        stack.extend(graph.get(node, []))
    return order

def _java_modules_impl(prefix, modules, fanout):
    graph = module_graph(modules, fanout)
    for m in modules:
        closure = _transitive_closure(graph, m)
        java_library(
            name = "%s_%s" % (prefix, m),
            srcs = ["src/main/java/com/corp/%s/%s/Module.java" % (prefix, m)],
            deps = [":%s_%s" % (prefix, d) for d in graph[m]],
            runtime_classpath_order = len(closure),
        )

def java_modules(prefix, count, fanout = 3):
    _java_modules_impl(prefix, ["m%d" % i for i in range(count)], fanout)
