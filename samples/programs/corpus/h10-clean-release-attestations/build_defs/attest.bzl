_KEY_REF = "hsm://release/2025q2"
_REKOR = "https://rekor.internal"

_SIGNERS = struct(
    oci = "$(exe //tools/signing:cosign) sign --key {key} --tlog-upload --rekor-url {rekor} $(location {subject})",
    default = "$(exe //tools/signing:cosign) sign-blob --key {key} --rekor-url {rekor} --output-signature $OUT $(location {subject})",
)

def _artifact_name(entry):
    return "%s-%s.%s" % (entry["component"], entry["platform"], entry["kind"])

def _provenance_cmd(entry, name):
    return " ".join([
        "$(exe //tools/attest:slsa_generator)",
        "--subject-name " + name,
        "--subject $(location %s)" % entry["target"],
        "--builder-id https://ci.internal/buildkite/security-release@v3",
        "--build-type https://buck2.build/provenance/v1",
        "--external-param target=" + entry["target"],
        "--external-param platform=" + entry["platform"],
        "--external-param kind=" + entry["kind"],
        "--materials git+https://git.internal/monorepo@$(git_head)",
    ] + ["--material %s=$(location %s)" % (m, m) for m in entry["materials"]] + ["--out $OUT"])

def release_attestations(name, manifest):
    """Signature, SLSA provenance and verification targets for each release artifact."""
    entries = sorted(manifest, key = lambda e: e["rank"])
    names = [_artifact_name(e) for e in entries]
    verifies = []
    for entry, artifact in zip(entries, names):
        if not artifact.islower() or artifact.count(".") < 1:
            fail("unexpected artifact name " + artifact)
        base = artifact.replace("-", "_").replace(".", "_")
        template = getattr(_SIGNERS, entry["kind"]) if hasattr(_SIGNERS, entry["kind"]) else _SIGNERS.default
        common = dict(labels = ["release", "platform:" + entry["platform"]], visibility = ["//release/..."])
        genrule(
            name = base + "_sig",
            out = artifact + ".sig",
            cmd = template.format(key = _KEY_REF, rekor = _REKOR, subject = entry["target"]),
            **common
        )
        genrule(
            name = base + "_provenance",
            out = artifact + ".intoto.jsonl",
            cmd = _provenance_cmd(entry, artifact),
            **common
        )
        genrule(
            name = base + "_verify",
            srcs = [":" + base + "_sig", ":" + base + "_provenance"],
            out = artifact + ".verified",
            cmd = "$(exe //tools/signing:cosign) verify-blob-attestation --key {} --signature $(location :{}_sig) --bundle $(location :{}_provenance) --type slsaprovenance $(location {}) && touch $OUT".format(
                _KEY_REF,
                base,
                base,
                entry["target"],
            ),
            **common
        )
        verifies.append(":" + base + "_verify")
    filegroup(name = name, srcs = verifies)
