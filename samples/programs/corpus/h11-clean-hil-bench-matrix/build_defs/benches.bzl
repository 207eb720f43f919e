HIL_BENCHES = {
    "scalexio_1": struct(ecus = ["adcu", "vcu", "bcm"], channels = 96),
    "scalexio_2": struct(ecus = ["adcu", "gateway"], channels = 96),
    "pxi_1": struct(ecus = ["epas", "ibooster"], channels = 64),
    "pxi_2": struct(ecus = ["zone_fl", "zone_fr", "zone_r"], channels = 64),
}
