# Generated Python libraries, one per schema file.

def make_target(prefix, i):
    """All attributes of one generated library, as a dict."""
    name = "{}_{}".format(prefix, i)
    return {
        "name": name,
        "srcs": ["schemas/{}.py".format(name), "schemas/{}_pb2.py".format(name)],
        "deps": [":{}_{}".format(prefix, i - 1)] if i > 0 else [],
        "labels": ["generated", "codegen:" + prefix],
        "visibility": ["PUBLIC"],
    }

def generated_libraries(prefix, count):
    # Generate every target into a list first...
    targets = [make_target(prefix, i) for i in range(count)]
    # ...then process the whole list, stage by stage.
    finalized = [dict(target, labels = target["labels"] + ["finalized"]) for target in targets]
    for target in finalized:
        python_library(**target)
