def masked_fraction(mask):
    return mask.count("N") * 1000 // max(len(mask), 1)
