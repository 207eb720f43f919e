# Generated from the org chart service; one entry per team with the packages it owns.
ORG_CHART = {
    "team_%d" % i: struct(
        parent = "org_%d" % (i // 12),
        packages = ["//%s/team_%d/%s" % (area, i, sub) for area in ["services", "libs", "tools"] for sub in ["...", "tests/...", "internal/..."]],
        trusted = i % 7 == 0,
    )
    for i in range(240)
}
