# One library per (flavor, ABI); every one compiles the same sources.

def flavored_java_libraries(name, flavors, abis):
    for flavor in flavors:
        for i, abi in enumerate(abis):
            # The pattern is a constant: the same file list is listed and allocated again each pass.
            srcs = glob(["src/main/java/**/*.java"])
            java_library(
                name = "{}_{}_{}_{}".format(name, flavor, abi, i),
                srcs = srcs,
                labels = [flavor, abi],
            )
