load("//build_defs:tiles.bzl", "LAYERS", "region_tiles")

def map_data_package(region, bbox, zoom = 16, layers = LAYERS):
    tiles = sorted(region_tiles(zoom, bbox))
    per_layer = []
    for layer in layers:
        name = "{}_{}_tiles".format(region, layer)
        filegroup(
            name = name,
            srcs = ["tiles/{}/{}.pbf".format(layer, t) for t in tiles],
        )
        per_layer.append(":" + name)
    genrule(
        name = region + "_bundle",
        srcs = per_layer,
        out = region + ".mbtiles",
        cmd = "tilepack --zoom {} --layers {} $SRCS > $OUT".format(zoom, ",".join(layers)),
    )
