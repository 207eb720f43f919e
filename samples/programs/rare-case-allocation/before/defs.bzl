# cxx_library per component, refusing names that are not on the allow-list.

def checked_libraries(names, allowed):
    for name in names:
        # The error message is built on every iteration, but needed only when the check fails.
        error_message = "component {} is not allowed here; allowed components are: {}".format(
            name,
            ", ".join(allowed),
        )
        if name not in allowed:
            fail(error_message)
        cxx_library(
            name = name,
            srcs = [name + ".cpp"],
        )
