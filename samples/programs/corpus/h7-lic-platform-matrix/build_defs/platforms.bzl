# Platform tables for the web frontend bundles. Kept select-free on purpose:
# the CI generator reads these tables directly.

_BROWSER_TARGETS = [
    struct(name = "chrome", min_version = 96, engine = "blink", polyfills = ["intl-segmenter"]),
    struct(name = "firefox", min_version = 91, engine = "gecko", polyfills = ["structured-clone"]),
    struct(name = "safari", min_version = 15, engine = "webkit", polyfills = ["intl-segmenter", "resize-observer"]),
    struct(name = "edge", min_version = 96, engine = "blink", polyfills = []),
    struct(name = "samsung", min_version = 16, engine = "blink", polyfills = ["intl-segmenter"]),
    struct(name = "ios_webview", min_version = 15, engine = "webkit", polyfills = ["resize-observer"]),
]

_LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "ja-JP", "ko-KR", "pt-BR", "zh-CN", "zh-TW"]

_DEFAULT_VARIANTS = ["modern", "legacy", "ssr", "worker"]

def _variant_flags(variant, browser):
    flags = {
        "--target": "%s%d" % (browser.name, browser.min_version),
        "--engine": browser.engine,
        "--variant": variant,
    }
    if variant == "legacy":
        flags["--downlevel-iteration"] = "true"
    return flags

def expand_platform_matrix(variants = None, locales = None, browsers = None):
    """Every (variant, browser, locale) combination with its rendered bundler flags."""
    variants = variants or _DEFAULT_VARIANTS
    locales = locales or _LOCALES
    browsers = browsers or _BROWSER_TARGETS
    rows = []
    for variant in variants:
        for browser in browsers:
            base = _variant_flags(variant, browser)
            for locale in locales:
                row = dict(base)
                row["--locale"] = locale
                row["--polyfills"] = ",".join(browser.polyfills + ["core-js/%s" % locale.lower()])
                rows.append(struct(
                    key = "{}-{}-{}".format(variant, browser.name, locale),
                    flags = row,
                    cmdline = " ".join(["%s=%s" % (k, row[k]) for k in sorted(row)]),
                ))
    return rows
