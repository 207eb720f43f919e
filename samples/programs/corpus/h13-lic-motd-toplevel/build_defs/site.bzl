"""Router configuration packages, one per site."""

SITE_DEFAULTS = struct(
    operator = "Acme Telecom",
    noc_phone = "+1-800-555-0100",
    legal_lines = 120,
    clauses = ["unauthorised access prohibited", "all sessions are logged", "report incidents to the NOC"],
)

_BANNER_LINE = "%s | %s -- contact %s (%s)"

def render_motd(defaults):
    """Renders the legal login banner shared by every router."""
    lines = []
    for i in range(defaults.legal_lines):
        clause = defaults.clauses[i % len(defaults.clauses)]
        lines.append(_BANNER_LINE % (i, clause.upper(), defaults.operator, defaults.noc_phone))
    return "\n".join(lines)

def _site_attrs(site):
    return {
        "hostname": "rtr1.%s.net.acme" % site,
        "loopback": "10.255.%d.1" % (hash(site) % 250),
    }

def site_router_config(site, motd):
    attrs = _site_attrs(site)
    genrule(
        name = "rtr-config-" + site,
        srcs = ["templates/router.j2"],
        out = "rtr-%s.cfg" % site,
        cmd = "render --host {hostname} --lo {loopback} --motd-bytes {n} $SRCS > $OUT".format(
            n = len(motd), **attrs),
    )
