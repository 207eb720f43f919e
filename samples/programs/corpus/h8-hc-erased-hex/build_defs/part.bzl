def part_blank(name, off, words, blank):
    genrule(
        name = "blank_" + name,
        out = name + ".hex",
        cmd = "printf '%s' > $OUT # off=0x%x" % (",".join(blank[off:off + words]), off),
    )
