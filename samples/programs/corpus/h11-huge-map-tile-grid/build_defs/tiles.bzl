# Slippy-map tile helpers for the HD map data packages.
_MAP_EXTENT = struct(x0 = 8400, y0 = 5400, width = 300, height = 260)

def _tile_key(zoom, x, y):
    return "%d/%d/%d" % (zoom, x, y)

def tiles_in_bbox(zoom, bbox):
    # Index of every tile in the map extent, then keep what the region asks for.
    grid = [
        (x, y, "%d/%d/%d" % (zoom, x, y))
        for x in range(_MAP_EXTENT.x0, _MAP_EXTENT.x0 + _MAP_EXTENT.width)
        for y in range(_MAP_EXTENT.y0, _MAP_EXTENT.y0 + _MAP_EXTENT.height)
    ]
    return [t[2] for t in grid if bbox[0] <= t[0] and t[0] < bbox[2] and bbox[1] <= t[1] and t[1] < bbox[3]]
