# Resource qualifier ordering shared by every android_resources() target.
# aapt2 resolves overlays by the canonical rank of the qualifier string.

LOCALES = ["en", "en-rGB", "de", "fr", "es", "es-rMX", "it", "ja", "ko", "pt-rBR"]
NIGHT_MODES = ["", "night"]
DENSITIES = ["ldpi", "mdpi", "hdpi", "xhdpi", "xxhdpi", "xxxhdpi"]
API_LEVELS = ["", "v26", "v31"]

def qualifier_table():
    """Returns {qualifier string: canonical rank} for every qualifier combination."""
    combos = [
        "-".join([p for p in (loc, night, dens, api) if p])
        for loc in LOCALES
        for night in NIGHT_MODES
        for dens in DENSITIES
        for api in API_LEVELS
    ]
    return {combo: rank for rank, combo in enumerate(combos)}
