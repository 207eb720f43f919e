# Layered macro: platform_library -> _impl -> helpers that build select-like attribute dicts.

PLATFORM_FLAGS = {
    "config//os:linux": ["-fPIC", "-pthread"],
    "config//os:macos": ["-fvisibility=hidden"],
    "config//os:windows": ["/EHsc", "/MD"],
}

def _select_flags(defines):
    # A per-target dict: the defines differ for every target, the shared flag lists are reused.
    return {key: PLATFORM_FLAGS[key] + ["-D" + d for d in defines] for key in PLATFORM_FLAGS}

def _attrs(name, srcs, defines):
    return {
        "name": name,
        "srcs": srcs,
        "compiler_flags": _select_flags(defines),
        "exported_headers": [s.replace(".cpp", ".h") for s in srcs],
        "visibility": ["PUBLIC"],
    }

def _platform_library_impl(name, srcs, defines):
    attrs = _attrs(name, srcs, defines)
    cxx_library(**attrs)

def platform_library(name, srcs, defines = []):
    _platform_library_impl(name, srcs, defines)
