_STEMS = [
    "serde", "tokio", "hyper", "rustls", "ring", "openssl", "libgit2", "zstd", "prost", "tonic",
    "regex", "aho-corasick", "memchr", "bytes", "futures", "tracing", "clap", "anyhow", "thiserror", "log",
]
_FLAVOURS = ["", "-core", "-derive", "-macros", "-util", "-sys", "-codec", "-impl", "-types", "-runtime",
             "-proto", "-rt", "-compat", "-ext", "-test", "-build", "-shared", "-io", "-sync", "-net"]
_LICENSES = ["MIT", "Apache-2.0", "BSD-3-Clause", "MPL-2.0", "ISC", "Apache-2.0 WITH LLVM-exception", "Zlib", "Unicode-3.0"]

THIRD_PARTY_CRATES = [
    {
        "name": stem + flavour,
        "version": "%d.%d.%d" % (i % 3, i % 17, i % 5),
        "license": _LICENSES[i % len(_LICENSES)],
    }
    for i, (stem, flavour) in enumerate([(s, f) for s in _STEMS for f in _FLAVOURS])
]
