load("//build_defs:l10n_data.bzl", "APP_MODULES", "PLURAL_FORMS", "STRING_KEYS", "SUPPORTED_LOCALES")

def _resource_ref(module, key, plural):
    return "@string/{}_{}_{}".format(module, key, plural)

def _string_catalog():
    """Every (locale, module, key, plural) string the translation export can contain."""
    return {
        "%s/%s/%s/%s" % (loc, mod, key, form): "@string/%s_%s_%s" % (mod, key, form)
        for loc in SUPPORTED_LOCALES
        for mod in APP_MODULES
        for key in STRING_KEYS
        for form in PLURAL_FORMS
    }

def _xliff_path(locale, module):
    return "l10n/{}/{}.xliff".format(locale, module)

def _bundle_impl(name, modules, locales, keys, visibility):
    catalog = _string_catalog()
    for locale in locales:
        refs = [
            catalog["%s/%s/%s/other" % (locale, module, key)]
            for module in modules
            for key in keys
        ]
        genrule(
            name = "{}_{}".format(name, locale.replace("-", "_")),
            srcs = [_xliff_path(locale, m) for m in modules],
            out = "strings-%s.arsc" % locale,
            cmd = "l10nc pack --refs %d $SRCS > $OUT" % len(refs),
        )
    filegroup(
        name = name,
        srcs = [":{}_{}".format(name, l.replace("-", "_")) for l in locales],
        visibility = visibility,
    )

def string_bundle(name, modules, locales = None, keys = None, visibility = ["PUBLIC"]):
    locales = locales or SUPPORTED_LOCALES
    for l in locales:
        if l not in SUPPORTED_LOCALES:
            fail("string_bundle(%s): unsupported locale %s" % (name, l))
    _bundle_impl(name, modules, locales, keys or STRING_KEYS, visibility)
