COMMON_FLAGS = ["-O2", "-Wall", "-Werror"]

def unit_name(src):
    return src.removeprefix("src/").removesuffix(".cpp")
