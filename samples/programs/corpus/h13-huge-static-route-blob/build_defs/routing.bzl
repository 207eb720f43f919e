NEXT_HOPS = ["192.0.2.1", "192.0.2.2", "198.51.100.1", "198.51.100.2"]

def _route_genrule(pe, count):
    genrule(
        name = "routes-" + pe,
        srcs = ["routes/customers.csv"],
        out = "static-%s.cfg" % pe,
        cmd = "gen-static-routes --pe %s --expect %d $SRCS > $OUT" % (pe, count),
    )

def static_route_package(name, count, pe_pair):
    for pe in pe_pair:
        _route_genrule(pe, count)
    filegroup(name = name, srcs = [":routes-" + pe for pe in pe_pair])
