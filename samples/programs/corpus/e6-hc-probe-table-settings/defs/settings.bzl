# Tuning knobs shared by the dependency macros.

DEDUPE_SETTINGS = dict(
    buckets = 1 << 19,
    salt = 7,
)
