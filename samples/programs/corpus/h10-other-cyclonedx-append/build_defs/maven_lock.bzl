# Resolved Maven coordinates for the JVM services (from maven_install.json).
_GROUPS = [
    "com.google.guava", "com.fasterxml.jackson.core", "io.netty", "org.bouncycastle", "io.grpc", "org.slf4j",
    "software.amazon.awssdk", "com.nimbusds", "org.apache.commons", "io.micrometer", "org.yaml", "com.squareup.okhttp3",
]
_ARTIFACTS = ["core", "api", "common", "codec", "handler", "transport", "util", "annotations", "bom", "testing",
              "protobuf", "stub", "auth", "crypto", "json", "xml", "metrics", "tracing", "http", "tls"]

_CLASSIFIERS = ["", "-jdk8", "-linux-x86_64", "-osx-aarch_64", "-sources"]

MAVEN_LOCK = [
    struct(group = g, artifact = g.split(".")[-1] + "-" + a + c, version = "%d.%d.%d" % (1 + i % 4, i % 23, i % 7), sha256 = "%x" % (i * 2654435761))
    for i, (g, a, c) in enumerate([(g, a, c) for g in _GROUPS for a in _ARTIFACTS for c in _CLASSIFIERS])
]
