_SCOPES = ["", "@babel/", "@types/", "@sentry/", "@opentelemetry/", "@aws-sdk/", "@grpc/", "@noble/"]
_NAMES = ["core", "utils", "runtime", "parser", "types", "client", "crypto", "hashes", "node", "browser",
          "jose", "uuid", "semver", "debug", "ms", "yaml", "ajv", "tslib", "zod", "undici"]
_LICENSES = ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "MPL-2.0"]

NPM_PACKAGES = [
    {"name": scope + name, "version": "%d.%d.%d" % (i % 5, i % 13, i % 3), "license": _LICENSES[i % 5],
     "author": "%s contributors" % (scope.strip("@/") or name)}
    for i, (scope, name) in enumerate([(s, n) for s in _SCOPES for n in _NAMES])
]
