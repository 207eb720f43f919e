load(":refdata.bzl", "DATASETS", "PRICING_MODELS")

BENCH_VARIANTS = {
    "scalar": ["-O2"],
    "avx2": ["-O3", "-mavx2", "-mfma"],
    "avx512": ["-O3", "-mavx512f", "-mavx512dq"],
    "aad": ["-O2", "-DQF_ADJOINT=1"],
    "aad_avx2": ["-O3", "-mavx2", "-mfma", "-DQF_ADJOINT=1"],
    "f32": ["-O3", "-mavx2", "-DQF_REAL=float"],
}

PROBLEM_SIZES = [256, 1024, 4096, 16384, 65536, 262144, 1048576]

def _bench_args(model, ds, variant):
    return [
        "--model=" + model,
        "--dataset=$(location //testdata:{})".format(ds),
        "--variant=" + variant,
        "--report=$(location //bench/reports:dir)/{}_{}_{}.json".format(model, ds, variant),
        "--repetitions=25",
    ] + ["--size={}".format(n) for n in PROBLEM_SIZES]

def _bench_binary(model, ds, variant, copts):
    cxx_binary(
        name = "bench_{}_{}_{}".format(model, ds, variant),
        srcs = ["bench/{}_bench.cpp".format(model)],
        compiler_flags = copts,
        deps = ["//qf/models:" + model, "//qf/bench:harness", "//testdata:" + ds],
        args = _bench_args(model, ds, variant),
        labels = ["bench", "model:" + model, "dataset:" + ds, "variant:" + variant],
        env = {"QF_BENCH_MODEL": model, "QF_BENCH_DATASET": ds, "QF_BENCH_VARIANT": variant, "OMP_NUM_THREADS": "1"},
    )

def model_benchmarks(models = PRICING_MODELS, datasets = DATASETS):
    variants = sorted(BENCH_VARIANTS)
    for model in models:
        for ds in datasets:
            for variant in variants:
                _bench_binary(model, ds, variant, BENCH_VARIANTS[variant])
