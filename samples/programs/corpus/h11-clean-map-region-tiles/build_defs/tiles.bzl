LAYERS = ["lane_graph", "road_edges", "crosswalks", "signals", "signs"]

def region_tiles(zoom, bbox):
    x0, y0, x1, y1 = bbox
    if x0 >= x1 or y0 >= y1:
        fail("bbox %r is empty" % (bbox,))
    # Exactly the tiles of the region; every one is shipped.
    return ["%d/%d/%d" % (zoom, x, y) for x in range(x0, x1) for y in range(y0, y1)]
