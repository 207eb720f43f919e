# Map tiles: one genrule per row, reading the row's first tile.

def _tile_id(row, column):
    return row * 100000 + column

def tile_genrules(name, rows, columns):
    # A rows x columns grid of lists, materialised whole, though only column 0 is read.
    grid = [[0] * columns for _ in range(rows)]
    for row in range(rows):
        genrule(
            name = "{}_row_{}".format(name, row),
            out = "row_{}.png".format(row),
            cmd = "render_tile --id={} --fill={}".format(_tile_id(row, 0), grid[row][0]),
        )
