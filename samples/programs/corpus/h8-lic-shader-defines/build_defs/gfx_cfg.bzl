GFX = {
    "features": ["NORMAL_MAP", "SHADOWS", "FOG", "SKINNING", "INSTANCING", "ALPHA_TEST", "EMISSIVE", "DETAIL"],
    "quality": [("lo", 0), ("mid", 1), ("hi", 2)],
}
