# gRPC codegen options per target language: one entry per (plugin, method-kind, flag) combination.
_PLUGINS = ["grpc", "grpc-web", "reactive", "kotlin-ext", "validate", "gateway"]
_KINDS = ["unary", "client_stream", "server_stream", "bidi"]
_FLAGS = ["deadline", "retry", "hedging", "compression", "metadata", "tracing", "auth", "quota",
          "cache", "idempotency", "logging", "metrics", "timeouts", "keepalive", "tls", "lb",
          "backoff", "jitter", "budget", "headers", "trailers", "status", "codes", "limits", "window"]

def grpc_service_options(lang):
    options = {}
    for plugin in _PLUGINS:
        for kind in _KINDS:
            for flag in _FLAGS:
                options["%s.%s.%s.%s" % (lang, plugin, kind, flag)] = "--%s_opt=%s_%s=true" % (plugin, kind, flag)
    return options
