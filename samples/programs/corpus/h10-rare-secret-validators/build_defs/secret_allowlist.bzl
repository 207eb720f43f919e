load("//build_defs:allowlist_validators.bzl", "ENTRY_VALIDATORS")

def _entry_line(entry):
    return "{path}:{detector}:{fingerprint} # {ticket} until {expires}".format(**entry)

def secret_allowlist(name, entries, validators = ENTRY_VALIDATORS):
    """Validated .gitleaksignore for the whole monorepo."""
    lines = []
    fields = sorted(validators)
    for index, entry in enumerate(entries):
        for field in fields:
            if field not in entry:
                fail("allowlist entry #%d lacks %s" % (index, field))
            validators[field](entry)
        lines.append(_entry_line(entry))
    genrule(
        name = name,
        out = ".gitleaksignore",
        cmd = "cat > $OUT <<'EOF'\n" + "\n".join(lines) + "\nEOF",
    )
