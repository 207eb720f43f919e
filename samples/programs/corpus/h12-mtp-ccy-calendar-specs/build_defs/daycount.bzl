DAY_COUNTS = ["ACT/360", "ACT/365F", "ACT/ACT.ISDA", "30/360", "30E/360", "BUS/252"]

def daycount_slug(dc):
    return dc.lower().replace("/", "_").replace(".", "_")
