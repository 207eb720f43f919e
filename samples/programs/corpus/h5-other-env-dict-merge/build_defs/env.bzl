# Per-binary runtime environment assembled from layered config fragments.

_FRAGMENTS = {
    "logging": {"LOG_LEVEL": "info", "LOG_FORMAT": "json", "LOG_SINK": "scribe"},
    "tracing": {"TRACE_SAMPLE_RATE": "0.01", "TRACE_EXPORTER": "otlp"},
    "tls": {"TLS_CERT_DIR": "/etc/certs", "TLS_MIN_VERSION": "1.3"},
}

def _service_keys(service, shards):
    return [("%s_SHARD_%d_ENDPOINT" % (service.upper(), s), "%s-%d.svc.cluster.local:9090" % (service, s)) for s in range(shards)]

def build_env(base, fragments, services, shards):
    env = dict(base)
    for frag in fragments:
        env = dict(env, **_FRAGMENTS[frag])
    for svc in services:
        for key, value in _service_keys(svc, shards):
            env = dict(env, **{key: value})
    return env
