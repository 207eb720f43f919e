"""Codec registry for the IMS media gateway: codec name -> parameters."""

CODEC_TABLE = {
    "%s/%d/%d" % (name, rate, ptime): struct(name = name, rate = rate, ptime = ptime)
    for name in ["PCMU", "PCMA", "G722", "G729", "AMR", "AMR-WB", "EVS", "OPUS", "ILBC", "SILK", "SPEEX", "G726"]
    for rate in [8000, 16000, 32000, 48000]
    for ptime in [10, 20, 30, 40, 60]
}

def _validate_codec(key):
    return key.split("/")[0]

REGISTRY = struct(
    table = CODEC_TABLE,
    known = lambda: CODEC_TABLE.keys(),
    lookup = lambda key: CODEC_TABLE.get(key),
    name_of = _validate_codec,
)
