# Libraries with a sanity check on their dependencies.

def _expect(condition, message):
    if not condition:
        fail(message)

def checked_libraries(names, all_deps):
    for name in names:
        deps = all_deps[:20]
        _expect(
            len(deps) <= 50,
            "library {} has too many deps: {} (allowed deps: {})".format(name, ", ".join(deps), str(all_deps)),
        )
        cxx_library(
            name = name,
            srcs = [name + ".cpp"],
            deps = deps,
        )
