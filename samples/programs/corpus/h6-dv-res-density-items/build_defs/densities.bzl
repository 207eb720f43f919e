# Density/size-class qualifiers mapped to the split APK that ships them.

_DENSITY_SPLITS = {
    "ldpi": "split_ldpi", "mdpi": "split_mdpi", "tvdpi": "split_tvdpi", "hdpi": "split_hdpi",
    "xhdpi": "split_xhdpi", "xxhdpi": "split_xxhdpi", "xxxhdpi": "split_xxxhdpi",
}

_SIZE_CLASSES = ["sw320dp", "sw360dp", "sw400dp", "sw480dp", "sw600dp", "sw720dp", "sw800dp", "w820dp", "h720dp", "land", "port", "large", "xlarge", "round", "notround"]

# Every qualifier aapt2 might see, flattened: "<size>-<density>" -> split name.
QUALIFIER_SPLITS = dict(
    {"%s-%s" % (size, dens): "%s_%s" % (split, size) for size in _SIZE_CLASSES for dens, split in _DENSITY_SPLITS.items()},
    **{dens: split for dens, split in _DENSITY_SPLITS.items()}
)
