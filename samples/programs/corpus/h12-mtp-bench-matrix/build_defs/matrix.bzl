load(":bench_pairs.bzl", "expand_pairs")
load(":refdata.bzl", "DATASETS", "PRICING_MODELS")

def _emit(pair):
    cxx_binary(
        name = pair["name"],
        srcs = ["bench/driver.cpp"],
        deps = ["//qf/models:" + pair["model"], "//qf/bench:harness"],
        args = pair["args"],
        labels = pair["labels"],
    )

def _matrix_impl(models, datasets, smoke_only):
    pairs = expand_pairs(models, datasets)
    for pair in pairs:
        if smoke_only and not pair["name"].endswith("__n1024__t1"):
            continue
        _emit(pair)

def benchmark_matrix(models = PRICING_MODELS, datasets = DATASETS):
    smoke = read_config("qf", "bench_smoke_only", "true") == "true"
    for m in models:
        if not m.islower():
            fail("model names are lower_snake_case: " + m)
    _matrix_impl(models, datasets, smoke)
