# Hardware-in-the-loop bench description: which ECU pins are wired to which simulator channel.
BENCHES = {
    "bench_a": struct(rack = "dSPACE_SCALEXIO", channels = 96, ecus = ["adcu", "vcu", "bcm"]),
    "bench_b": struct(rack = "NI_PXI", channels = 64, ecus = ["adcu", "gateway"]),
}

def bench_environment(bench):
    env = {}
    for ecu in bench.ecus:
        for ch in range(bench.channels):
            env["HIL_%s_CH%d" % (ecu.upper(), ch)] = "%s:%s/ai%d" % (bench.rack, ecu, ch)
            env["HIL_%s_CH%d_SCALE" % (ecu.upper(), ch)] = "1.0"
    return env
