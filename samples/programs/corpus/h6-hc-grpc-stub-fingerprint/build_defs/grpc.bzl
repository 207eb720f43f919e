_STUB_LANGS = ["java", "kotlin", "go", "swift", "objc", "python", "ts", "dart", "csharp"]
_CALL_OPTIONS = ["deadline", "retry", "hedging", "compression", "wait_for_ready", "max_message_size", "auth", "tracing", "load_balancing"]

_SIGNATURES = {
    False: "{lang}:{pkg}.{svc}/{m} unary -> {pkg}.{m}Response [{opt}]",
    True: "{lang}:{pkg}.{svc}/{m} server-stream -> stream {pkg}.{m}Event [{opt}]",
}

def _stub_fingerprint(services):
    """Cache key of the generated stubs: any change in a signature must invalidate the codegen."""
    blob = "\n".join([
        _SIGNATURES[m.streaming].format(lang = lang, opt = opt, pkg = svc.package, svc = svc.name, m = m.name)
        for svc in services
        for m in svc.methods
        for lang in _STUB_LANGS
        for opt in _CALL_OPTIONS
    ])
    return "%x" % hash(blob)

def _stub_rule_name(name, lang):
    return "%s-%s-stubs" % (name, lang)

def grpc_stubs(name, services, langs, visibility = ["PUBLIC"]):
    key = _stub_fingerprint(services)
    for lang in langs:
        if lang not in _STUB_LANGS:
            fail("grpc_stubs(%s): unsupported language %r" % (name, lang))
        genrule(
            name = _stub_rule_name(name, lang),
            srcs = ["%s.proto" % s.name.lower() for s in services],
            out = "%s-%s.srcjar" % (name, lang),
            cmd = "protoc-gen-grpc --lang=%s --cache-key=%s $SRCS -o $OUT" % (lang, key),
            visibility = visibility,
        )
