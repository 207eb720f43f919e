def doc_page(name, title, sections, banner):
    genrule(
        name = "doc_" + name,
        out = name + ".md",
        cmd = "docgen --title '%s' --banner '%s' %s" % (title, banner, " ".join(sections)),
    )
