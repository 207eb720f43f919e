# License of every vendored library version, exported by the legal tooling.
LICENSES = {
    "//third-party/%s:%s_%s_%s" % (lib, lib, kind.lower(), ver): "%s-%s" % (kind, ver)
    for lib in ["zlib", "zstd", "openssl", "curl", "re2", "fmt", "glog", "gflags", "lz4", "snappy", "brotli", "icu", "boost", "folly", "abseil", "grpc"]
    for kind in ["MIT", "BSD", "Apache", "ISC"]
    for ver in ["1.%d" % v for v in range(40)]
}

def _is_first_party(dep):
    return not dep.startswith("//third-party/")

def _has_license(dep):
    return dep in LICENSES.keys()

_DEP_CHECKS = [_is_first_party, _has_license]

def _allowed(dep):
    verdicts = []
    for check in _DEP_CHECKS:
        verdicts.append(check(dep))
    return any(verdicts)

def checked_binaries(binaries):
    for b in binaries:
        cxx_binary(
            name = b.name,
            srcs = [b.name + ".cc"],
            deps = [d for d in b.deps if _allowed(d)],
        )
