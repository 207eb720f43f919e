def _attrs(i):
    name = "component{}".format(i)
    return dict(
        name = name,
        srcs = [name + ".cpp"],
        headers = [name + ".h"],
        visibility = ["PUBLIC"],
    )

def libs(count):
    for i in range(count):
        attrs = _attrs(i)
        if attrs["name"].endswith("_"):
            fail("trailing underscore in " + attrs["name"])
        cxx_library(**attrs)
