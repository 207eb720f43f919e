load("//build_defs:spdx.bzl", "LICENSE_FAMILIES", "POLICY_PROFILES", "SPDX_SUFFIXES")

def normalized_policy(profile):
    """{spelling: family} for every accepted spelling of every SPDX id the profile allows."""
    if profile not in POLICY_PROFILES:
        fail("unknown license policy profile: " + profile)
    table = {}
    for family in POLICY_PROFILES[profile]:
        for spdx in LICENSE_FAMILIES[family]:
            for suffix in SPDX_SUFFIXES:
                spelled = spdx + suffix
                table[spelled] = family
                table[spelled.lower()] = family
                table[spelled.upper()] = family
                table[spelled.replace("-", "_")] = family
    return table
