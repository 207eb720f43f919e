load("//build_defs:release_artifacts.bzl", "BUILDER_ID", "RELEASE_ARTIFACTS", "RELEASE_PLATFORMS")

_PREDICATE_TYPE = "https://slsa.dev/provenance/v1"

def _statement(artifact, platform):
    return json.encode({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "%s-%s" % (artifact["name"], platform), "digest": {"sha256": "$(sha256 %s)" % artifact["target"]}}],
        "predicateType": _PREDICATE_TYPE,
        "predicate": {
            "buildDefinition": {
                "buildType": "https://buck2.build/provenance/v1",
                "externalParameters": {"target": artifact["target"], "platform": platform, "fips": artifact["fips"]},
                "internalParameters": {"toolchain": "//toolchains:%s" % platform, "sandbox": "strict"},
                "resolvedDependencies": [
                    {"uri": "git+https://git.internal/monorepo@HEAD", "digest": {"gitCommit": "$(git_head)"}},
                    {"uri": "oci://registry.internal/builders/%s" % platform, "digest": {"sha256": "$(builder_digest)"}},
                ],
            },
            "runDetails": {
                "builder": {"id": BUILDER_ID},
                "metadata": {"invocationId": "$(build_id)", "startedOn": "$(build_start)"},
            },
        },
    })

def _attestation_records():
    records = []
    for artifact in RELEASE_ARTIFACTS:
        for platform in RELEASE_PLATFORMS:
            records.append(struct(
                name = "%s_%s_provenance" % (artifact["name"].replace("-", "_"), platform.replace("-", "_")),
                platform = platform,
                fips = artifact["fips"],
                statement = _statement(artifact, platform),
            ))
    return records

def _slsa_provenance_impl(name, platform, fips_only):
    records = _attestation_records()
    outs = []
    for rec in records:
        if rec.platform != platform or (fips_only and not rec.fips):
            continue
        genrule(
            name = rec.name,
            out = rec.name + ".intoto.json",
            cmd = "$(exe //tools/attest:sign) --statement '%s' > $OUT" % rec.statement,
        )
        outs.append(":" + rec.name)
    filegroup(name = name, srcs = outs)

def slsa_provenance(name, platform, fips_only = False):
    if platform not in RELEASE_PLATFORMS:
        fail("no release platform %s (have: %s)" % (platform, ", ".join(RELEASE_PLATFORMS)))
    _slsa_provenance_impl(name, platform, fips_only)
