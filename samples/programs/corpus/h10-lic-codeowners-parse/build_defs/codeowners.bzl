def parse_codeowners(text):
    """Parses CODEOWNERS text into a list of (path_prefix, [owners]) in file order."""
    rules = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split(" ")
        pattern = fields[0].lstrip("/").rstrip("*")
        owners = [o for o in fields[1:] if o.startswith("@")]
        if not owners:
            fail("CODEOWNERS rule without owners: " + line)
        rules.append((pattern, owners))
    return rules

def owners_for(path, rules):
    """Last matching rule wins, as on GitHub."""
    found = None
    for prefix, owners in rules:
        if path.startswith(prefix):
            found = owners
    return found
