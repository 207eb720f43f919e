def deduped(deps):
    seen = []
    for d in deps:
        if d not in seen:
            seen = seen + [d]
    cxx_library(name = "all", deps = seen)
