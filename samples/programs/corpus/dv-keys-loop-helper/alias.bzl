ALIASES = {"old_t{}".format(i): "t{}".format(i) for i in range(600)}

def _aliases_of(target):
    found = []
    for old in ALIASES.keys():
        if ALIASES[old] == target:
            found.append(old)
    return found

def aliased(targets):
    for t in targets:
        genrule(name = t, out = t, cmd = "echo", labels = _aliases_of(t))
