def render_chapter(chapter):
    # The page of one chapter: its title, a table of contents and one anchor per section.
    lines = ["# " + chapter.title, ""]
    for i, section in enumerate(chapter.sections):
        anchor = section.lower().replace(" ", "-").replace(".", "-")
        lines.append("%d. [%s](#%s)" % (i + 1, section, anchor))
    for section in chapter.sections:
        lines.append("")
        lines.append("## " + section)
        lines.append("See the %s reference for %s." % (chapter.title, section))
    return "\n".join(lines)
