# Kubernetes manifests rendered to strings at load time and written by genrules.

_MANIFEST_TMPL = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {namespace}
{metadata}
spec:
  replicas: {replicas}
  template:
    spec:
      containers:
      - name: {name}
        image: {image}
"""

_COMMON_ANNOTATIONS = [
    ("prometheus.io/scrape", "true"),
    ("prometheus.io/port", "9102"),
    ("sidecar.istio.io/inject", "true"),
    ("cluster-autoscaler.kubernetes.io/safe-to-evict", "true"),
]

def _annotation_block(annotations, indent = 4):
    pad = " " * indent
    return "\n".join(["%s%s: \"%s\"" % (pad, k, v) for k, v in annotations])

def _render_metadata(ctx):
    # Owner/team annotations plus one per compliance control: identical for every service.
    annotations = list(_COMMON_ANNOTATIONS)
    annotations.extend([("owner.example.com/%s" % t, ctx.owner) for t in ctx.teams])
    annotations.extend([
        ("compliance.example.com/%s-%d" % (ctx.namespace, i), "control=%d;framework=%s;rev=%s" % (i, ctx.framework, ctx.revision))
        for i in range(ctx.controls)
    ])
    return "  annotations:\n" + _annotation_block(annotations)

def _render_service(svc, ctx, **overrides):
    fields = {
        "name": svc.name,
        "namespace": ctx.namespace,
        "replicas": overrides.get("replicas", svc.replicas),
        "image": "%s/%s:%s" % (ctx.registry, svc.name, ctx.revision),
        "metadata": _render_metadata(ctx),
    }
    return _MANIFEST_TMPL.format(**fields)

def _manifests_impl(name, services, ctx, **kwargs):
    outs = []
    for svc in services:
        body = _render_service(svc, ctx, **kwargs)
        genrule(
            name = "%s-%s" % (name, svc.name),
            out = "%s.yaml" % svc.name,
            cmd = "cat > $OUT <<'YAML'\n%s\nYAML" % body[:256],
            labels = ["k8s", ctx.namespace],
        )
        outs.append(":%s-%s" % (name, svc.name))
    return outs

def k8s_manifests(name, services, namespace, registry = "gcr.io/example", revision = "HEAD", teams = (), controls = 600, framework = "soc2", owner = "platform", **kwargs):
    ctx = struct(
        namespace = namespace,
        registry = registry,
        revision = revision,
        teams = list(teams),
        controls = controls,
        framework = framework,
        owner = owner,
    )
    outs = _manifests_impl(name, services, ctx, **kwargs)
    filegroup(name = name, srcs = outs, visibility = ["PUBLIC"])
