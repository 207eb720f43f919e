TILE_LAYERS = ["lane_graph", "road_edges", "crosswalks", "stop_lines", "signals", "signs", "speed_bumps", "parking"]

def tile_path(layer, zoom, x, y):
    return "data/{}/{}/{}/{}.pbf".format(layer, zoom, x, y)

def validate_zoom(zoom):
    if zoom < 10 or zoom > 18:
        fail("zoom %d outside supported range 10..18" % zoom)
