# One object library per source file: the package is globbed once, outside the loop.

VARIANTS = ["debug", "release", "asan"]

def per_file_objects(name):
    srcs = glob(["src/*.cpp"])
    for variant in VARIANTS:
        for src in srcs:
            cxx_library(
                name = "{}_{}_{}".format(name, variant, src.rpartition("/")[2].replace(".cpp", "")),
                srcs = [src],
                labels = ["variant:" + variant],
            )
