# Each library gets the default deps of the longest matching path prefix.

DEFAULT_DEPS = {
    "//services/{}/{}".format(area, sub): ["//common/{}:base".format(area), "//common/{}:{}".format(area, sub)]
    for area in ["search", "ads", "feed", "ml", "infra", "web", "mobile", "data"]
    for sub in ["ranker", "index", "serving", "client", "api", "store", "cache", "jobs"] + ["sub{}".format(i) for i in range(40)]
}

def _longest_prefix(path, table):
    best = ""
    for prefix in table.keys():
        if path.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return best

def _default_deps(path):
    prefix = _longest_prefix(path, DEFAULT_DEPS)
    return DEFAULT_DEPS.get(prefix, [])

def prefixed_libraries(names):
    for path in names:
        name = path.rpartition("/")[2]
        cxx_library(name = name, srcs = [name + ".cpp"], deps = _default_deps(path))
