# Java services: every service's manifest carries the same license notice for the owner.

_THIRD_PARTY = ["com.example.lib%d:artifact-%d:1.%d.0" % (i, i, i % 20) for i in range(1200)]

def _notice(owner, license):
    lines = ["Copyright (c) %s. Licensed under %s." % (owner, license)]
    for dep in _THIRD_PARTY:
        lines.append("  includes %s (%s)" % (dep, license))
    return "\n".join(lines)

def _manifest(svc, **kwargs):
    return {
        "Main-Class": "com.example.%s.Main" % svc,
        "X-Notice": _notice(kwargs["owner"], kwargs.get("license", "apache-2.0")),
    }

def java_services(name, services, **kwargs):
    for svc in services:
        java_library(
            name = "%s-%s" % (name, svc),
            manifest_entries = _manifest(svc, **kwargs),
        )
