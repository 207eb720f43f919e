load("//build_defs:ports.bzl", "port_record")

def _profile_target(profile, count):
    genrule(
        name = "port-profile-" + profile,
        srcs = ["profiles/%s.yaml" % profile],
        out = profile + ".json",
        cmd = "sonic-cfggen --profile %s --ports %d $SRCS > $OUT" % (profile, count),
    )

def _port_profiles_impl(switches):
    inventory = [port_record(sw, idx) for sw in switches for idx in range(sw.ports)]
    counts = {}
    for port in inventory:
        counts[port.profile] = counts.get(port.profile, 0) + 1
    for profile in sorted(counts):
        _profile_target(profile, counts[profile])
    return sorted(counts)

def port_profiles(name, switches):
    profiles = _port_profiles_impl(switches)
    filegroup(name = name, srcs = [":port-profile-" + p for p in profiles])
