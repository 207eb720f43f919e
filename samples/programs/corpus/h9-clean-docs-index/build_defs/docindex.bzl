def _entry(model, column, kind):
    return "%s.%s (%s)" % (model, column, kind)

def docs_index(name, catalog):
    entries = []
    for model in sorted(catalog):
        for column, kind in catalog[model]:
            entries.append(_entry(model, column, kind))
    if len(entries) == 0:
        fail("empty catalog")
    genrule(
        name = name,
        out = "index.md",
        srcs = ["catalog/%s.yml" % m for m in sorted(catalog)],
        cmd = "docgen-index --count %d" % len(entries),
        labels = entries,
    )
