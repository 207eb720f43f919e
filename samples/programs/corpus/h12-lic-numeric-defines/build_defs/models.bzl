load(":copts.bzl", "numeric_defines", "variant_copts")
load(":refdata.bzl", "DATASETS", "PRICING_MODELS")

VARIANTS = ["release", "debug", "asan", "fastmath"]

def _variant_targets(model, variant, datasets):
    for ds in datasets:
        copts = numeric_defines() + variant_copts(variant)
        cxx_binary(
            name = "bench_{}_{}_{}".format(model, variant, ds),
            srcs = ["bench/{}_bench.cpp".format(model)],
            compiler_flags = copts,
            deps = ["//qf/models:{}".format(model), "//qf/bench:harness"],
            args = ["--dataset", "$(location //testdata:{})".format(ds)],
        )

def _model_variants(model, variants, datasets):
    if model not in PRICING_MODELS:
        fail("unknown pricing model: " + model)
    for variant in variants:
        _variant_targets(model, variant, datasets)
    cxx_library(
        name = model,
        srcs = ["models/{}.cpp".format(model)],
        headers = ["models/{}.h".format(model)],
    )

def pricing_models(models = PRICING_MODELS, variants = VARIANTS, datasets = DATASETS):
    for model in models:
        _model_variants(model, variants, datasets)
