# Generated from go/owners (do not edit): team -> escalation metadata.

_ORGS = ["commerce", "mobile", "platform", "data", "infra", "security", "growth", "logistics"]
_SQUADS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
           "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]

OWNERS = {
    "%s-%s" % (org, squad): struct(oncall = "%s-%s-oncall" % (org, squad), slack = "#%s-%s" % (org, squad), org = org)
    for org in _ORGS
    for squad in _SQUADS
}

DEFAULT_OWNER = "platform-alpha"
