# Resource bundles whose manifest is padded to a fixed number of lines.

MANIFEST_LINES = 40000

def padded_resources(name, count, width):
    # The whole padding block as one string: width x MANIFEST_LINES characters.
    padding = (" " * width + "\n") * MANIFEST_LINES
    header_lines = ["# bundle {} entry {}".format(name, i) for i in range(count)]
    for i, header in enumerate(header_lines):
        genrule(
            name = "{}_{}".format(name, i),
            out = "manifest_{}.txt".format(i),
            cmd = "echo '{}' > $OUT && pad --lines={}".format(header, len(padding) // (width + 1)),
        )
