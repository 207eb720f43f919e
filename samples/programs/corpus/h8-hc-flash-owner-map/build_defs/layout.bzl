REGIONS = [
    ("boot", 0x08000000, 0x08010000),
    ("app_a", 0x08010000, 0x08100000),
    ("app_b", 0x08100000, 0x081F0000),
    ("nvs", 0x081F0000, 0x08200000),
]

def owner_map(regions, gran = 64):
    return {a: r for r, lo, hi in regions for a in range(lo, hi, gran)}
