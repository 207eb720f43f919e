def build_owner_index(codeowners_text):
    """{directory prefix: [owners]} from CODEOWNERS; later lines win, as on GitHub."""
    index = {}
    for line in codeowners_text.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split(" ")
        owners = [o for o in fields[1:] if o.startswith("@")]
        if not owners:
            fail("CODEOWNERS rule without owners: " + line)
        index[fields[0].strip("/").rstrip("/*")] = owners
    return index

def lookup_owners(index, path):
    parts = path.split("/")
    for depth in range(len(parts) - 1, 0, -1):
        owners = index.get("/".join(parts[:depth]))
        if owners != None:
            return owners
    return None
