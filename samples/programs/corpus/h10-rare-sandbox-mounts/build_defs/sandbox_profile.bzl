load("//build_defs:mount_checks.bzl", "validate_mount")

def _bind_flags(mounts):
    return " ".join(["--%s %s %s" % ("bind" if mode == "rw" else "ro-bind", path, path) for path, mode in mounts])

def _sandbox_profiles_impl(name, service_mounts):
    for service in sorted(service_mounts):
        mounts = service_mounts[service]
        for path, mode in mounts:
            validate_mount(service, path, mode)
        genrule(
            name = "%s_%s_bwrap" % (name, service),
            out = service + ".bwrap.args",
            cmd = "echo '%s' > $OUT" % _bind_flags(mounts),
        )

def sandbox_profiles(name, service_mounts):
    """bubblewrap argument files for every service's declared bind mounts."""
    if type(service_mounts) != "dict":
        fail("service_mounts must be a dict")
    _sandbox_profiles_impl(name, service_mounts)
