# Compiles translation catalogs: one genrule per locale, one filegroup for the app.

def _catalog_cmd(locale, files, fallback):
    inputs = " ".join(["$(location :%s)" % f for f in files])
    return "$(exe //tools/i18n:msgfmt) --locale %s --fallback %s --check-format -o $OUT %s" % (locale, fallback, inputs)

def translation_catalogs(name, catalogs, fallbacks = {}, default_fallback = "en_US"):
    """`catalogs`: locale -> list of .po files."""
    outputs = []
    for locale, files in sorted(catalogs.items()):
        for f in files:
            filegroup(name = f, srcs = [f])
        genrule(
            name = "%s_%s" % (name, locale),
            srcs = files,
            out = "%s.mo" % locale,
            cmd = _catalog_cmd(locale, files, fallbacks.get(locale, default_fallback)),
            labels = ["i18n", "locale:" + locale],
        )
        outputs.append(":%s_%s" % (name, locale))
    filegroup(name = name, srcs = outputs)
