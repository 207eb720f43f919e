_FLATC = "$(exe //third-party/flatbuffers:flatc)"

_LANG = {
    "cpp": struct(flag = "--cpp --gen-object-api --scoped-enums", suffix = "_generated.h"),
    "rust": struct(flag = "--rust --gen-all", suffix = "_generated.rs"),
    "python": struct(flag = "--python --gen-onefile", suffix = "_generated.py"),
    "ts": struct(flag = "--ts --gen-name-strings", suffix = "_generated.ts"),
}

def _include_flags(include_dirs):
    return " ".join(["-I $(location %s)" % d for d in include_dirs])

def flatbuffer_schemas(name, schemas, languages, include_dirs = []):
    includes = _include_flags(include_dirs)
    for schema in schemas:
        stem = schema.split("/", 1)[-1][:-4].replace("/", "_")
        for lang in languages:
            spec = _LANG[lang]
            genrule(
                name = "%s_%s_%s" % (name, stem, lang),
                srcs = [schema],
                out = stem + spec.suffix,
                cmd = "%s %s %s -o $OUT $(location %s)" % (_FLATC, spec.flag, includes, schema),
                labels = ["codegen", "flatbuffers", "lang:" + lang],
            )
