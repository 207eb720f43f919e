# android_app(): aggregates every feature's dex inputs and proguard specs into one APK.

def _feature_inputs(feature, count):
    return struct(
        dex = ["//features/%s:classes_%d.dex" % (feature, i) for i in range(count)],
        proguard = "features/%s/proguard-rules.pro" % feature,
    )

def _aggregate(features, dex_per_feature):
    dex_inputs = []
    proguard = []
    for feature in features:
        inputs = _feature_inputs(feature, dex_per_feature)
        dex_inputs = dex_inputs + inputs.dex
        proguard = proguard + [inputs.proguard]
    return struct(dex = dex_inputs, proguard = proguard)

def android_app(name, features, dex_per_feature = 40, manifest = "AndroidManifest.xml"):
    agg = _aggregate(features, dex_per_feature)
    genrule(
        name = name + "-proguard",
        srcs = agg.proguard,
        out = "proguard.txt",
        cmd = "cat $SRCS > $OUT",
    )
    genrule(
        name = name,
        srcs = agg.dex + [manifest, ":" + name + "-proguard"],
        out = name + ".apk",
        cmd = "d8 --release --output $OUT $SRCS",
    )
