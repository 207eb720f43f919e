def _purl(dep):
    return "pkg:maven/%s/%s@%s" % (dep.group, dep.artifact, dep.version)

def _component(dep):
    return {
        "type": "library",
        "bom-ref": _purl(dep),
        "group": dep.group,
        "name": dep.artifact,
        "version": dep.version,
        "purl": _purl(dep),
        "hashes": [{"alg": "SHA-256", "content": dep.sha256}],
    }

def _components(lock, exclude_groups):
    components = []
    refs = []
    for dep in lock:
        if dep.group in exclude_groups:
            continue
        components = components + [_component(dep)]
        refs = refs + [_purl(dep)]
    return components, refs

def cyclonedx_bom(name, lock, root_ref, exclude_groups = []):
    """CycloneDX 1.5 JSON for a JVM service's resolved Maven closure."""
    components, refs = _components(lock, exclude_groups)
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "metadata": {"component": {"bom-ref": root_ref, "type": "application", "name": name}},
        "components": components,
        "dependencies": [{"ref": root_ref, "dependsOn": refs}],
    }
    genrule(
        name = name,
        out = name + ".cdx.json",
        cmd = "echo '%s' > $OUT" % json.encode(bom),
    )
