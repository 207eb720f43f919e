def _render(model, ncols):
    rows = ["| %s | col_%d | string | nullable |" % (model, i) for i in range(ncols)]
    return "# %s\n\n| model | column | type | null |\n" % model + "\n".join(rows)

render_page = _render
