load(":refdata.bzl", "DATASETS", "PRICING_MODELS")

PROBLEM_SIZES = [1024, 4096, 16384, 65536, 262144]
THREADS = [1, 2, 4, 8, 16, 32]

def expand_pairs(models, datasets):
    """Every benchmark configuration as a ready-to-emit attribute dict."""
    pairs = []
    for model in models:
        for ds in datasets:
            for size in PROBLEM_SIZES:
                for threads in THREADS:
                    tag = "{}__{}__n{}__t{}".format(model, ds, size, threads)
                    pairs.append({
                        "name": "bench__" + tag,
                        "model": model,
                        "dataset": ds,
                        "args": [
                            "--model={}".format(model),
                            "--dataset=$(location //testdata:{})".format(ds),
                            "--size={}".format(size),
                            "--threads={}".format(threads),
                            "--report=bench/{}.json".format(tag),
                        ],
                        "labels": ["bench", "model:" + model, "dataset:" + ds, "threads:{}".format(threads)],
                    })
    return pairs
