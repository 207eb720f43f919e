# Label migrations still in flight (old prefix -> new prefix), maintained by the build team.
DEP_REMAP = {
    "//legacy/%s/%s" % (area, lib): "//libs/%s/%s" % (area, lib)
    for area in ["base", "net", "io", "storage", "crypto", "ml", "media", "ui", "search", "ads", "infra", "common"]
    for lib in ["core", "util", "client", "server", "proto", "testing", "compat", "experimental", "internal", "public", "v1", "v2", "shim", "fakes", "bench", "async", "sync", "fs", "codec", "pool", "metrics", "tracing", "config", "flags", "auth", "rpc", "http", "json", "time", "mem"]
}
