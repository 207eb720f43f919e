FEATURES = {
    "feature_%d" % i: {"define": "-DFEATURE_%d=1" % i, "link": []}
    for i in range(250)
}

def enabled_features(tags):
    return {name: cfg for name, cfg in FEATURES.items() if name in tags}

def feature_defines(tags):
    return [cfg["define"] for cfg in enabled_features(tags).values()]
