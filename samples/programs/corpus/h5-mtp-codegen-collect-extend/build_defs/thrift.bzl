# Thrift codegen: one genrule per (service file, language, output kind).

_LANG_OUTPUTS = {
    "cpp2": ["_types.h", "_types.cpp", "_constants.h", "_constants.cpp", "_clients.h", "_handlers.h", "_metadata.cpp", "_sinit.cpp"],
    "py3": ["/types.py", "/clients.py", "/services.py", "/metadata.py", "/builders.py"],
    "rust": ["/lib.rs", "/types.rs", "/client.rs", "/server.rs", "/mock.rs"],
    "go": ["/ttypes.go", "/constants.go", "/client.go", "/processor.go", "/mock.go", "/metadata.go"],
    "java": ["/Types.java", "/Constants.java", "/Client.java", "/AsyncClient.java", "/Service.java", "/Builder.java"],
}

_COMPILER = "$(exe //third-party/fbthrift:thrift1)"

def _gen_request(thrift_file, lang, suffix, options, includes, include_flags):
    stem = thrift_file.rsplit("/", 1)[-1].replace(".thrift", "")
    out = stem + suffix
    return {
        "name": "%s_%s_%s" % (stem, lang, suffix.strip("_/").replace(".", "_").replace("/", "_")),
        "srcs": [thrift_file] + includes,
        "out": out,
        "cmd": "%s --gen %s:%s %s -o $OUT $(location %s)" % (
            _COMPILER,
            lang,
            ",".join(options),
            include_flags,
            thrift_file,
        ),
        "labels": ["codegen", "thrift", "lang:" + lang],
    }

def _requests_for_file(thrift_file, languages, options, includes, include_flags):
    reqs = []
    for lang in languages:
        for suffix in _LANG_OUTPUTS[lang]:
            reqs.append(_gen_request(thrift_file, lang, suffix, options.get(lang, []), includes, include_flags))
    return reqs

def _collect_requests(srcs, languages, options, includes):
    include_flags = " ".join(["-I " + i for i in includes])
    requests = []
    for src in srcs:
        requests.extend(_requests_for_file(src, languages, options, includes, include_flags))
    return requests

def _thrift_library_impl(name, srcs, languages, options, includes):
    pending = _collect_requests(srcs, languages, options, includes)
    for req in pending:
        genrule(**req)
    filegroup(name = name, srcs = [":" + r["name"] for r in pending])

def thrift_library(name, srcs, languages = ["cpp2", "py3"], options = {}, includes = []):
    for lang in languages:
        if lang not in _LANG_OUTPUTS:
            fail("thrift_library(%s): unsupported language %s" % (name, lang))
    _thrift_library_impl(name, srcs, languages, options, includes)
