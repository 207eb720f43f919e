BOARDS = {
    "pcb_r%d" % i: (("cortex-m4", "cortex-m7", "cortex-m33")[i % 3], 256 << (i % 4), "sdk/v%d" % (i % 2 + 1))
    for i in range(80)
}
