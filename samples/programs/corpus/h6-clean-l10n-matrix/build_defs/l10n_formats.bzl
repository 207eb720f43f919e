# Output format per platform for translated strings.

FORMATTERS = {
    "android": lambda module, locale: struct(
        out = "values-%s/strings_%s.xml" % (locale.replace("-", "-r"), module),
        cmd = "l10nc android --module %s --locale %s $SRCS > $OUT" % (module, locale),
    ),
    "ios": lambda module, locale: struct(
        out = "%s.lproj/%s.strings" % (locale, module),
        cmd = "l10nc ios --module %s --locale %s $SRCS > $OUT" % (module, locale),
    ),
    "web": lambda module, locale: struct(
        out = "%s/%s.json" % (locale, module),
        cmd = "l10nc json --module %s --locale %s $SRCS > $OUT" % (module, locale),
    ),
}
