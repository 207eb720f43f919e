def _metric(sample, key):
    return {"%s.%s" % (sample, key): "metrics/%s/%s.txt" % (sample, key)}

def multiqc_report(name, samples, keys):
    inputs = {}
    for sample in samples:
        for key in keys:
            inputs = dict(inputs, **_metric(sample, key))
    genrule(name = name, srcs = sorted(inputs.values()), out = "multiqc.html", cmd = "multiqc $SRCS -o $OUT")
