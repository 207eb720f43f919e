# cxx_library per component, refusing names that are not on the allow-list.

def checked_libraries(names, allowed):
    for name in names:
        if name not in allowed:
            # Build the message only on the rare failing path.
            fail("component {} is not allowed here; allowed components are: {}".format(
                name,
                ", ".join(allowed),
            ))
        cxx_library(
            name = name,
            srcs = [name + ".cpp"],
        )
