load("//build_defs:placeholders.bzl", "build_placeholder_map")

_VARIANTS = ["default", "short", "a11y", "plural_one", "plural_other"]

def string_resources(name, namespace, keys, locales):
    mapping = build_placeholder_map(namespace, keys, _VARIANTS)
    for locale in locales:
        genrule(
            name = "%s-%s" % (name, locale),
            srcs = ["%s/%s.xliff" % (locale, namespace)],
            out = "%s-%s.xml" % (namespace, locale),
            cmd = "stringc --placeholders %d --locale %s $SRCS > $OUT" % (len(mapping), locale),
        )
    filegroup(name = name, srcs = [":%s-%s" % (name, l) for l in locales])
