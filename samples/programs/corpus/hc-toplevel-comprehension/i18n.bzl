# Translation bundles.

LANGUAGES = ["en", "de", "fr", "es", "it", "ja", "ko", "zh", "pt", "ru", "ar", "hi", "nl", "sv", "pl"] + ["x{}".format(i) for i in range(105)]
TERRITORIES = ["T{}".format(i) for i in range(250)]

def translation_bundle(name, locales):
    genrule(
        name = name,
        out = name + ".json",
        cmd = "compile_strings " + " ".join(locales),
    )
