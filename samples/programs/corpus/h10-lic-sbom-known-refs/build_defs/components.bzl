_VENDORS = ["openssl", "zlib", "libcurl", "sqlite", "libxml2", "pcre2", "libyaml", "protobuf", "grpc", "abseil",
            "boringssl", "libsodium", "nghttp2", "c-ares", "brotli", "lz4", "snappy", "re2", "icu", "expat"]
_LICS = ["APACHE-2.0", "BSD-2.0", "MPL-2.0", "EPL-1.0", "LGPL-2.1", "ZPL-2.1", "Artistic-2.0", "OSL-3.0"]

VENDORED_COMPONENTS = [
    {
        "name": "%s_%d" % (vendor, n),
        "version": "%d.%d" % (n, idx),
        "license": _LICS[(idx + n) % len(_LICS)],
        "url": "https://mirror.internal/vendored/%s/%d.tar.gz" % (vendor, n),
    }
    for idx, vendor in enumerate(_VENDORS)
    for n in range(18)
]
