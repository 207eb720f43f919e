def vuln_gate(name, package, version, affected, accepted_risk):
    """Fails the build for a known-vulnerable vendored version unless the risk was accepted."""
    key = "%s@%s" % (package, version)
    hits = [cve for (pv, cve) in affected if pv == key]
    blocking = [cve for cve in hits if cve not in accepted_risk]
    if blocking:
        fail("%s is affected by %s; upgrade or file a SECREV exception" % (key, ", ".join(blocking)))
    genrule(
        name = name,
        out = name + ".ok",
        cmd = "echo '%s cleared (%d accepted)' > $OUT" % (key, len(hits)),
        labels = ["vuln-gate"] + ["accepted:" + cve for cve in hits],
    )
