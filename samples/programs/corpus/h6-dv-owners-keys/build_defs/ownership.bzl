load("//build_defs:owners_db.bzl", "DEFAULT_OWNER", "OWNERS")

_LABEL_FMT = {
    "team": lambda owner: "team:" + owner,
    "oncall": lambda owner: "oncall:" + OWNERS[owner].oncall,
    "org": lambda owner: "org:" + OWNERS[owner].org,
}

def _resolve_owner(declared):
    return declared if declared in OWNERS.keys() else DEFAULT_OWNER

def _file_owner_labels(files, codeowners):
    labels = {}
    for f in files:
        top = f.split("/")[0]
        owner = _resolve_owner(codeowners.get(top, DEFAULT_OWNER))
        labels[_LABEL_FMT["team"](owner)] = True
    return sorted(labels)

def owned_go_service(name, srcs, codeowners, deps = [], visibility = ["PUBLIC"]):
    team_labels = _file_owner_labels(srcs, codeowners)
    primary = _resolve_owner(codeowners.get("main", DEFAULT_OWNER))
    go_binary(
        name = name,
        srcs = srcs,
        deps = deps,
        labels = team_labels + [_LABEL_FMT["oncall"](primary), _LABEL_FMT["org"](primary)],
        visibility = visibility,
    )
