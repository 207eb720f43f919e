load("//build_defs:pages.bzl", "render_page")

def _docsite_impl(models, published, ncols):
    pages = {m: render_page(m, ncols) for m in models}
    for m in published:
        page = pages[m]
        genrule(
            name = "page_" + m,
            out = m + ".md",
            cmd = "write-page %s %d" % (m, len(page)),
        )

def docsite(models, published, ncols = 300):
    _docsite_impl(models, published, ncols)
