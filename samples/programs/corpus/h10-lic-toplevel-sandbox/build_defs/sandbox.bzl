load("//build_defs:sandbox_tables.bzl", "ABIS", "AUDIT_ACTIONS", "BASE_SYSCALLS", "READONLY_ROOTS")

_LEVELS = {"strict": 0, "standard": 1, "permissive": 2}

def base_sandbox_policy(level):
    """Expands the shared allow-lists into per-arch seccomp and mount rules."""
    if level not in _LEVELS:
        fail("unknown sandbox level " + level)
    rules = []
    for arch in sorted(ABIS):
        for abi in ABIS[arch]:
            for syscall in BASE_SYSCALLS:
                for action in AUDIT_ACTIONS[:1 + _LEVELS[level] // 2 + 1]:
                    rules.append("seccomp:%s:%s:%s:%s" % (arch, abi, syscall, action))
        for root in READONLY_ROOTS:
            for depth in range(4 + _LEVELS[level]):
                rules.append("mount:%s:%s%s:ro" % (arch, root, "/*" * depth))
    return rules

def sandboxed_service(name, binary, policy, extra_rules = [], priority = 0):
    if not binary.startswith("//"):
        fail("sandboxed_service binary must be an absolute label: " + binary)
    genrule(
        name = name + "_seccomp",
        out = name + ".policy",
        cmd = "$(exe //tools/sandbox:compile) --priority %d --extra '%s' > $OUT" % (priority, ",".join(extra_rules)),
        labels = ["sandbox-policy", "rules=%d" % len(policy)],
    )
    filegroup(
        name = name,
        srcs = [binary, ":" + name + "_seccomp"],
    )
