load("//build_defs:l10n_formats.bzl", "FORMATTERS")

def _target(module, platform, locale):
    return "strings-{}-{}-{}".format(module, platform, locale)

def _validate_locale(locale):
    if len(locale) < 2 or len(locale) > 7 or locale.startswith("-") or locale.endswith("-"):
        fail("translated_strings: malformed locale " + locale)

def translated_strings(module, locales, platforms, visibility = ["PUBLIC"]):
    for locale in locales:
        _validate_locale(locale)
    per_platform = {p: [] for p in platforms}
    for platform in platforms:
        fmt = FORMATTERS[platform]
        for locale in locales:
            spec = fmt(module, locale)
            target = _target(module, platform, locale)
            genrule(
                name = target,
                srcs = ["xliff/%s/%s.xliff" % (locale, module)],
                out = spec.out,
                cmd = spec.cmd,
            )
            per_platform[platform].append(":" + target)
    for platform in platforms:
        filegroup(
            name = "strings-%s-%s" % (module, platform),
            srcs = per_platform[platform],
            visibility = visibility,
        )
