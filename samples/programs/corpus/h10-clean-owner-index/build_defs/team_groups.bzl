load("//build_defs:codeowners_data.bzl", "CODEOWNERS")
load("//build_defs:owner_index.bzl", "build_owner_index", "lookup_owners")

def team_filegroups(name, srcs):
    """A filegroup per owning team, so review bots can query `//:<team>_files`."""
    index = build_owner_index(CODEOWNERS)
    by_team = {}
    for src in srcs:
        owners = lookup_owners(index, src)
        if owners == None:
            fail("%s has no CODEOWNERS entry" % src)
        team = owners[0].split("/")[-1]
        if team not in by_team:
            by_team[team] = []
        by_team[team].append(src)
    for team, files in by_team.items():
        filegroup(
            name = "%s_%s_files" % (name, team.replace("-", "_")),
            srcs = files,
            labels = ["team:" + team, "count:%d" % len(files)],
        )
