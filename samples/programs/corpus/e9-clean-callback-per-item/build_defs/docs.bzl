load("//build_defs:render.bzl", "render_chapter")

def _emit_pages(name, chapters, render):
    outs = []
    for index, chapter in enumerate(chapters):
        page = render(chapter)
        out = "%s_ch%d" % (name, index)
        genrule(name = out, out = out + ".md", cmd = "cat > $OUT <<'EOF'\n%s\nEOF" % page)
        outs.append(":" + out)
    return outs

def doc_pages(name, chapters):
    if len(chapters) > 500:
        fail("a handbook holds at most 500 chapters")
    pages = _emit_pages(name, chapters, render_chapter)
    filegroup(name = name, srcs = pages)
