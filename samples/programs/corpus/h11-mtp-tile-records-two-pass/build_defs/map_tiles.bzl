load("//build_defs:tile_schema.bzl", "TILE_LAYERS", "tile_path", "validate_zoom")

def _tile_record(region, zoom, x, y):
    return struct(
        name = "{}_z{}_{}_{}".format(region, zoom, x, y),
        files = [tile_path(layer, zoom, x, y) for layer in TILE_LAYERS],
        checksum = "{}.sha256".format(tile_path("index", zoom, x, y)),
    )

def map_tile_package(region, zoom, x_range, y_range):
    validate_zoom(zoom)

    # Pass 1: describe every tile of the region.
    records = []
    for x in range(x_range[0], x_range[1]):
        for y in range(y_range[0], y_range[1]):
            records.append(_tile_record(region, zoom, x, y))

    # Pass 2: one filegroup per tile, plus the region index.
    for rec in records:
        filegroup(
            name = rec.name,
            srcs = rec.files + [rec.checksum],
        )
    genrule(
        name = region + "_index",
        out = region + "_index.txt",
        cmd = "echo %d tiles > $OUT" % len(records),
    )
