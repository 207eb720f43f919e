# Per-service Kubernetes Deployment + Service manifests, rendered once per target.

_DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {namespace}
  labels: {labels}
spec:
  replicas: {replicas}
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    spec:
      containers:
      - name: {name}
        image: {image}
        args: [{args}]
        env: [{env}]
        resources: {{limits: {{cpu: "{cpu}", memory: "{memory}"}}}}
"""

_SERVICE = "apiVersion: v1\nkind: Service\nmetadata: {name: %s, namespace: %s}\nspec: {ports: [{port: %d, targetPort: %d}]}\n"

_SIZES = {
    "small": {"cpu": "250m", "memory": "256Mi"},
    "medium": {"cpu": "1", "memory": "1Gi"},
    "large": {"cpu": "4", "memory": "8Gi"},
}

def _container_fields(svc, registry, revision):
    return {
        "image": "%s/%s:%s" % (registry, svc.name, revision),
        "args": ", ".join(['"--%s=%s"' % (a, svc.name) for a in ["service-name", "log-prefix", "trace-name", "metrics-prefix"]]),
        "env": ", ".join(["{name: %s, value: \"%s\"}" % (k, v) for k, v in svc.env]),
    }

def _meta_fields(svc, namespace, common_labels):
    return {
        "name": svc.name,
        "namespace": namespace,
        "labels": "{%s, app: %s, team: %s}" % (common_labels, svc.name, svc.team),
        "replicas": svc.replicas,
    }

def _manifest_impl(name, services, namespace, registry, revision, common_labels):
    for svc in services:
        fields = _meta_fields(svc, namespace, common_labels)
        fields.update(_container_fields(svc, registry, revision))
        fields.update(_SIZES[svc.size])
        body = _DEPLOYMENT.format(**fields) + "---\n" + _SERVICE % (svc.name, namespace, 80, svc.port)
        genrule(
            name = "%s-%s" % (name, svc.name),
            out = "%s.yaml" % svc.name,
            cmd = "cat > $OUT <<'EOF'\n%s\nEOF" % body,
            labels = ["k8s", namespace, svc.team],
        )

def k8s_deployments(name, services, namespace = "default", registry = "gcr.io/example", revision = "HEAD", **kwargs):
    labels = kwargs.get("labels", {"env": namespace, "managed-by": "buck2"})
    common = ", ".join(["%s: %s" % (k, labels[k]) for k in sorted(labels)])
    _manifest_impl(name, services, namespace, registry, revision, common)
