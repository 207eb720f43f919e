# Python packages with interpreter-specific settings.

ABIS = ["cp38", "cp39", "cp310", "cp311", "cp312", "cp313"]
PLATFORMS = ["manylinux_2_17_x86_64", "manylinux_2_17_aarch64", "macosx_11_0_arm64", "win_amd64"]

def _wheel_tags(python):
    return {
        "{}-{}".format(abi, plat): ["{}-{}-{}-{}".format(python, abi, plat, i) for i in range(10)]
        for abi in ABIS
        for plat in PLATFORMS
    }

def python_packages(packages, python):
    tags_for = lambda: _wheel_tags(python)
    for package in packages:
        # Calling the lambda rebuilds the whole tag table for every package.
        tags = tags_for()
        python_library(name = package, srcs = [package + "/__init__.py"], labels = tags["cp312-win_amd64"][:1])
