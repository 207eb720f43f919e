# Generated Python libraries, one per schema file.

def make_target(prefix, i):
    """Declares one generated library straight away."""
    name = "{}_{}".format(prefix, i)
    python_library(
        name = name,
        srcs = ["schemas/{}.py".format(name), "schemas/{}_pb2.py".format(name)],
        deps = [":{}_{}".format(prefix, i - 1)] if i > 0 else [],
        labels = ["generated", "codegen:" + prefix, "finalized"],
        visibility = ["PUBLIC"],
    )

def generated_libraries(prefix, count):
    # Process each target as it is generated: nothing is kept between iterations.
    for i in range(count):
        make_target(prefix, i)
