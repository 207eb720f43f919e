# Code generation: one genrule per schema plus a library over the outputs.
load("//build_defs:cxx.bzl", cxx_library_macro = "library")

def generated_cxx(name, schemas, fields_per_schema):
    outs = []
    for schema in schemas:
        fields = ["{}_field_{}".format(schema, i) for i in range(fields_per_schema)]
        genrule(
            name = "{}_{}_gen".format(name, schema),
            out = schema + ".h",
            cmd = "gen --fields=" + ",".join(fields),
        )
        outs.append(":{}_{}_gen".format(name, schema))
    cxx_library_macro(name = name, srcs = [o + ".h" for o in outs], deps = outs, dep_depth = 14)
