def _owner_label(team):
    return "oncall:{}".format(team)

def owned_services(owners):
    by_team = {}
    for service, team in owners.items():
        by_team.setdefault(team, []).append(service)
    for team in sorted(by_team):
        services = by_team[team]
        for service in services:
            go_binary(
                name = service,
                srcs = ["cmd/{}/main.go".format(service)],
                labels = [_owner_label(team), "team-size:{}".format(len(services))],
            )
