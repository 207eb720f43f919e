# One binding library per API and language; every name and source list is needed.

def _binding(api, lang):
    name = "{}_{}".format(api, lang)
    if lang == "python":
        python_library(name = name, srcs = [api + ".py"])
    else:
        genrule(name = name, out = name + ".src", cmd = "gen --lang={} {} > $OUT".format(lang, api))

def language_bindings(apis, languages):
    for api in apis:
        if not api.startswith("api_"):
            fail("bad api name " + api)
        for lang in languages:
            _binding(api, lang)
