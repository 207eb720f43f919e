def _flat_map(fn, xs):
    out = []
    for x in xs:
        out.extend(fn(x))
    return out

def _tiles_for(region):
    return [(region.chrom, s, s + 120) for s in range(region.start, region.end, 60)]

def tiling_array(name, regions):
    tiles = _flat_map(_tiles_for, regions)
    first, last = tiles[0], tiles[-1]
    genrule(
        name = name,
        out = name + ".probes.fa",
        cmd = "design_tiles --from %s:%d --to %s:%d --n %d > $OUT" % (first[0], first[1], last[0], last[2], len(tiles)),
    )
