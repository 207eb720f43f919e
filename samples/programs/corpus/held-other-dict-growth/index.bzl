def _module_index(packages):
    index = {}
    for pkg in packages:
        for mod in pkg["modules"]:
            index = dict(index, **{"{}.{}".format(pkg["name"], mod): "//{}:{}".format(pkg["name"], mod)})
    return index

def indexed_python(packages):
    index = _module_index(packages)
    for pkg in packages:
        python_library(
            name = pkg["name"],
            srcs = ["{}.py".format(m) for m in pkg["modules"]],
            labels = ["modules:{}".format(len(index))],
        )
