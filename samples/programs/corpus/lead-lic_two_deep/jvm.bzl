# JVM services: each service gets a binary whose flags come from the deployment profile.

_GC_OPTIONS = ["G1", "ZGC", "Shenandoah", "Parallel"]

def _default_jvm_flags(profile):
    flags = []
    for gc in _GC_OPTIONS:
        for size in range(1, 200):
            flags.append("-XX:+Use{}GC -Xmx{}m -Dprofile={}".format(gc, size * 64, profile))
    return flags

def _make_service(name, profile):
    jvm_flags = _default_jvm_flags(profile)
    cxx_binary(
        name = name,
        srcs = [name + "/main.cpp"],
        compiler_flags = jvm_flags[:3],
    )

def java_services(names, profile):
    for name in names:
        _make_service(name, profile)
