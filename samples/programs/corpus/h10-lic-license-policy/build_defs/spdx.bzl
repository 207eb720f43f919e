# SPDX identifiers grouped by the compliance families the legal team signs off on.
LICENSE_FAMILIES = {
    "permissive": [
        "MIT", "MIT-0", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "Apache-2.0",
        "ISC", "Zlib", "BSL-1.0", "Unlicense", "0BSD", "PostgreSQL", "X11", "NCSA",
        "Python-2.0", "PSF-2.0", "Unicode-DFS-2016", "Unicode-3.0", "CC0-1.0", "OpenSSL",
    ],
    "weak_copyleft": [
        "LGPL-2.1", "LGPL-3.0", "MPL-1.1", "MPL-2.0", "EPL-1.0", "EPL-2.0", "CDDL-1.0", "CDDL-1.1",
    ],
    "strong_copyleft": ["GPL-2.0", "GPL-3.0", "AGPL-3.0", "OSL-3.0"],
    "proprietary": ["LicenseRef-Vendor-Commercial", "LicenseRef-Internal"],
}

# Spellings seen in upstream metadata (Cargo.toml, package.json, setup.cfg).
SPDX_SUFFIXES = ["", "-only", "-or-later", "+", " WITH LLVM-exception", " WITH Classpath-exception-2.0"]

POLICY_PROFILES = {
    "server": ["permissive", "weak_copyleft", "proprietary"],
    "client": ["permissive", "proprietary"],
    "tooling": ["permissive", "weak_copyleft", "strong_copyleft", "proprietary"],
}
