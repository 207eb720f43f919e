load("//build_defs:syscalls.bzl", "ARCH_AUDIT", "RUNTIME_BASELINE", "SECCOMP_ACTIONS", "SERVICE_SYSCALLS")

def _rule_json(syscall, arch, service, mode):
    return json.encode({
        "names": [syscall],
        "action": "SCMP_ACT_ALLOW",
        "arch": ARCH_AUDIT[arch],
        "comment": "%s needs %s on %s (%s profile)" % (service, syscall, arch, mode),
        "includes": {"caps": [], "minKernel": "5.10"},
    })

def _profile_text(service, syscalls, arch, mode):
    rules = [_rule_json(s, arch, service, mode) for s in syscalls]
    return '{"defaultAction": "%s", "architectures": ["%s"], "syscalls": [%s]}' % (
        SECCOMP_ACTIONS[mode],
        ARCH_AUDIT[arch],
        ", ".join(rules),
    )

def seccomp_profiles(name, services = SERVICE_SYSCALLS, arches = ARCH_AUDIT, modes = SECCOMP_ACTIONS):
    """An OCI seccomp profile per service, architecture and enforcement mode."""
    outs = []
    arch_list = sorted(arches)
    mode_list = sorted(modes)
    for service, syscalls in sorted(services.items()):
        if len(syscalls) == 0:
            fail(service + " declares no syscalls")
        needed = RUNTIME_BASELINE + [s for s in syscalls if s not in RUNTIME_BASELINE]
        for arch in arch_list:
            for mode in mode_list:
                target = "%s_%s_%s_seccomp" % (service, arch, mode)
                genrule(
                    name = target,
                    out = target + ".json",
                    cmd = "echo '%s' > $OUT" % _profile_text(service, needed, arch, mode),
                    labels = ["seccomp", "mode:" + mode, "arch:" + arch],
                )
                outs.append(":" + target)
    filegroup(name = name, srcs = outs)
