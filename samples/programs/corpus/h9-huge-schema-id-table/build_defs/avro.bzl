load("//build_defs:schema_ids.bzl", "schema_lookup")

def avro_schema(name, subject, srcs):
    entry = schema_lookup.get(subject)
    if entry == None:
        fail("unknown subject " + subject)
    filegroup(
        name = name,
        srcs = srcs,
        labels = ["schema_id:%d" % entry.id, "compat:" + entry.compat],
    )
