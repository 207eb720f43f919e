"""Human-readable diagnostics for peering validation failures."""

_ROW = "  {name} asn={asn} addr={addr} family={family} max={maxp}"

def peer_table_report(title, peers):
    rows = [title, "=" * len(title)]
    for p in peers:
        rows.append(_ROW.format(name = p.name, asn = p.asn, addr = p.address, family = p.family, maxp = p.max_prefixes))
    return "\n".join(rows)
