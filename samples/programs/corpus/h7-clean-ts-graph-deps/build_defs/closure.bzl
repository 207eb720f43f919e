# Transitive TypeScript dependencies: the bundler rule needs the full closure per entry.

def transitive_deps(graph, root):
    """Explicit-worklist DFS; returns the closure sorted once for a stable attribute."""
    seen = {}
    worklist = list(graph.get(root, []))
    for _ in range(len(graph) * 4):
        if not worklist:
            break
        node = worklist.pop()
        if node in seen:
            continue
        seen[node] = True
        worklist.extend(graph.get(node, []))
    return sorted(seen)

def _entry_attrs(entry, closure, **kwargs):
    attrs = {
        "srcs": ["src/%s/index.ts" % entry] + ["src/%s/index.ts" % d for d in closure],
        "out": "%s.bundle.js" % entry,
        "cmd": "esbuild --bundle src/%s/index.ts --outfile=$OUT" % entry,
    }
    attrs.update(kwargs)
    return attrs

def ts_bundles(graph, entries, **kwargs):
    for entry in entries:
        closure = transitive_deps(graph, entry)
        genrule(name = "%s_bundle" % entry, **_entry_attrs(entry, closure, **kwargs))
