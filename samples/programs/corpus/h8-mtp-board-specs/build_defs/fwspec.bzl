_DRV = ["uart", "spi", "i2c", "gpio", "dma", "tim", "adc", "rtc", "wdg", "usb", "can", "eth"]

def fw_spec(b, v):
    srcs = ["boards/%s/%s.c" % (b[0], d) for d in _DRV] + ["drivers/%s/%s_%s.c" % (d, d, b[1]) for d in _DRV]
    return {
        "name": "fw_%s_%s" % (b[0], v),
        "srcs": srcs,
        "headers": [s[:-2] + ".h" for s in srcs],
        "compiler_flags": ["-DBOARD_%s" % b[0].upper(), "-DVARIANT_%s" % v.upper(), "-mcpu=" + b[1]],
        "deps": ["//hal:" + b[1], "//rtos:kernel"],
    }
