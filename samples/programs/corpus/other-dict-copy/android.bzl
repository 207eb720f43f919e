# Android modules sharing a large set of default attributes.

BASE_ATTRS = {"manifest_entry_{}".format(i): "value_{}".format(i) for i in range(300)}

def _module_attrs(module):
    # The whole base dict is copied for every module, only to add two keys.
    return dict(BASE_ATTRS, package = "com.example." + module, module = module)

def android_modules(modules):
    for module in modules:
        attrs = _module_attrs(module)
        genrule(name = module, out = module + ".apk", cmd = "build_apk --package=" + attrs["package"])
