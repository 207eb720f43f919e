MEMMAP = {
    "r%d" % i: ("r%d" % i, 0x20000000 + i * 0x400, 0x20000000 + (i + 1) * 0x400)
    for i in range(120)
}
