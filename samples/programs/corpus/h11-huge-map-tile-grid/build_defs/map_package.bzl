load("//build_defs:tiles.bzl", "tiles_in_bbox")

_LAYERS = ["lanes", "crosswalks", "traffic_lights", "speed_limits"]

def _validate_region(region, bbox):
    if len(bbox) != 4 or bbox[0] >= bbox[2] or bbox[1] >= bbox[3]:
        fail("region {}: bbox {} must be (x0, y0, x1, y1) with x0 < x1, y0 < y1".format(region, bbox))

def hd_map_package(region, bbox, zoom = 16, layers = _LAYERS):
    _validate_region(region, bbox)
    tiles = tiles_in_bbox(zoom, bbox)
    for layer in layers:
        filegroup(
            name = "{}_{}".format(region, layer),
            srcs = ["tiles/{}/{}.pbf".format(layer, t) for t in tiles],
        )
    genrule(
        name = region + "_manifest",
        out = region + "_manifest.json",
        cmd = "mapmanifest --zoom %d --count %d > $OUT" % (zoom, len(tiles)),
    )
