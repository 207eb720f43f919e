# Third-party libraries each product may link, keyed by approval ticket (security review).
APPROVED_THIRD_PARTY = {
    "SEC-%d" % (4000 + i): "//third-party/%s:%s" % (vendor, lib)
    for i, (vendor, lib) in enumerate([
        (v, "%s%s" % (v, suffix))
        for v in ["openssl", "boringssl", "zlib", "zstd", "lz4", "brotli", "curl", "nghttp2", "c-ares",
                  "protobuf", "grpc", "abseil", "fmt", "spdlog", "glog", "gflags", "folly", "boost",
                  "icu", "libxml2", "expat", "sqlite", "leveldb", "rocksdb", "lmdb", "jemalloc"]
        for suffix in ["", "_static", "_headers", "_dbg", "_lite", "_shared", "_pic", "_asan", "_tsan", "_minimal", "_legacy", "_next"]
    ])
}

checks = struct(
    approved = lambda label: label in APPROVED_THIRD_PARTY.values(),
    first_party = lambda label: not label.startswith("//third-party/"),
)
