load(":manifest.bzl", manifest_entries = "permissions_manifest")

_manifest = manifest_entries

def android_modules(modules, min_sdk):
    for module in modules:
        java_library(
            name = module,
            srcs = ["%s/src/Main.java" % module],
            manifest_entries = _manifest(
                min_sdk,
                "com.example.app",
            ),
            visibility = ["PUBLIC"],
        )
