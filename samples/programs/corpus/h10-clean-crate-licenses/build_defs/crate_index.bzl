_STEMS = ["serde", "tokio", "hyper", "rustls", "ring", "prost", "tonic", "regex", "bytes", "futures", "tracing", "clap",
          "anyhow", "thiserror", "log", "sha2", "hmac", "aes-gcm", "ed25519", "x509-parser", "der", "pem", "zeroize", "subtle"]
_SUFFIXES = ["", "-core", "-derive", "-macros", "-util", "-sys", "-codec", "-impl", "-types", "-runtime",
             "-proto", "-rt", "-compat", "-ext", "-build", "-shared", "-io", "-sync", "-net", "-test",
             "-attributes", "-channel", "-executor", "-sink", "-stream", "-task", "-timer", "-trace", "-fmt", "-subscriber",
             "-config", "-client", "-server", "-tls", "-pki", "-asn1", "-oid", "-encoding", "-hash", "-cipher"]
_LICENSES = ["MIT OR Apache-2.0", "Apache-2.0", "MIT", "BSD-3-Clause", "ISC", "Apache-2.0 WITH LLVM-exception"]

VENDORED_CRATES = [
    struct(
        name = stem + suffix,
        version = "%d.%d.%d" % (i % 2, 1 + i % 37, i % 11),
        license = _LICENSES[i % len(_LICENSES)],
        edition = "2021" if i % 4 else "2018",
        features = ["default", "std"] + (["alloc"] if i % 3 == 0 else []),
    )
    for i, (stem, suffix) in enumerate([(s, x) for s in _STEMS for x in _SUFFIXES])
]
