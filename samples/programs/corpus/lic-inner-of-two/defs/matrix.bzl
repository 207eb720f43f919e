DEVICES = ["pixel{}".format(i) for i in range(8)] + ["galaxy{}".format(i) for i in range(8)] + ["iphone{}".format(i) for i in range(12, 17)]

def _device_caps(devices):
    caps = {}
    for d in devices:
        caps[d] = {"api": ["{}-api{}".format(d, a) for a in range(21, 36)], "abi": ["arm64-v8a", "x86_64"]}
    return caps

def test_matrix(suites, shards):
    for suite in suites:
        for shard in range(shards):
            caps = _device_caps(DEVICES)
            genrule(
                name = "{}_shard{}".format(suite, shard),
                out = "out.xml",
                cmd = "run --device={}".format(caps["pixel3"]["api"][0]),
            )
