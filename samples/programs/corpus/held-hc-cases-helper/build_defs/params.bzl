PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64"]

def expand_cases(suites, per_suite):
    return [
        "{}::{}::case_{}".format(suite, platform, n)
        for suite in suites
        for platform in PLATFORMS
        for n in range(per_suite)
    ]
