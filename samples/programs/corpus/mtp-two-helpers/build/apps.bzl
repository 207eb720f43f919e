def _describe(i):
    name = "app{}".format(i)
    return {
        "name": name,
        "srcs": ["apps/{}/{}.kt".format(name, f) for f in ["Main", "Activity", "ViewModel"]],
        "res": ["apps/{}/res/{}.xml".format(name, r) for r in ["layout", "strings"]],
        "manifest": "apps/{}/AndroidManifest.xml".format(name),
    }

def _describe_all(count):
    return [_describe(i) for i in range(count)]

def _emit(descs):
    for d in descs:
        java_library(name = d["name"], srcs = d["srcs"] + d["res"], manifest = d["manifest"])

def apps(count):
    _emit(_describe_all(count))
