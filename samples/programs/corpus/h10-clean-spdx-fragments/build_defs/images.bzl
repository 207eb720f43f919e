# Container images shipped by the security platform and their OS packages (from the distroless manifests).
_IMAGES = ["authn", "authz", "vault-proxy", "signer", "attestor", "secret-scanner", "sbom-indexer", "vuln-feed",
           "policy-server", "audit-sink", "report-api", "kms-bridge"]
_OS_PACKAGES = ["libc6", "libssl3", "ca-certificates", "tzdata", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1",
                "liblzma5", "libcap2", "libseccomp2", "libsystemd0", "libgnutls30", "libidn2-0", "libp11-kit0", "libffi8",
                "libgmp10", "libnettle8", "libhogweed6", "libtasn1-6", "libunistring2", "netbase", "base-files", "libcrypt1",
                "libsqlite3-0", "libexpat1", "libxml2", "libcurl4", "libnghttp2-14", "libbrotli1", "libpsl5", "libssh2-1",
                "librtmp1", "libldap-2.5-0", "libsasl2-2", "libkrb5-3", "libk5crypto3", "libcom-err2", "libkeyutils1", "libgssapi-krb5-2",
                "libacl1", "libattr1", "libselinux1", "libpcre2-8-0", "libblkid1", "libmount1", "libuuid1", "libudev1",
                "libdbus-1-3", "libelf1", "libbz2-1.0", "libreadline8", "libtinfo6", "libncursesw6", "libpam0g", "libaudit1"]

_VARIANTS = ["", "-fips", "-debug"]

IMAGE_CONTENTS = {
    image: [
        {"package": pkg, "version": "%d.%d-%d" % (1 + j % 3, j % 17, 1 + (i + j) % 5), "arch": "amd64" if (i + j) % 2 else "arm64"}
        for j, pkg in enumerate(_OS_PACKAGES)
    ]
    for i, image in enumerate([base + variant for base in _IMAGES for variant in _VARIANTS])
}
