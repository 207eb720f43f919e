# Feature-flag defaults, generated from the flag service export.

FLAG_DEFAULTS = {
    "%s.%s.v%d" % (surface, feature, v): (v % 2 == 0)
    for surface in ["web", "ios", "android", "api", "ml"]
    for feature in ["search", "feed", "checkout", "onboarding", "ads", "ranking", "chat", "media"]
    for v in range(25)
}

def flags_module(name, flags, **kwargs):
    genrule(
        name = name,
        out = "%s.ts" % name,
        cmd = "echo '%s' > $OUT" % ",".join(flags[:8]),
        **kwargs
    )
