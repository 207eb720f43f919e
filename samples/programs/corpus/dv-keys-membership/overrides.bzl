# Third-party libraries, some with a pinned version override.

VERSION_OVERRIDES = {"pkg_{}".format(i): "{}.{}.0".format(i % 7, i % 13) for i in range(0, 3000, 7)}

def third_party_libraries(packages):
    for package in packages:
        version = "latest"
        # .keys() copies every key into a new list on each pass, just to test membership.
        if package in VERSION_OVERRIDES.keys():
            version = VERSION_OVERRIDES[package]
        python_library(
            name = package,
            srcs = ["third-party/{}/{}/__init__.py".format(package, version)],
        )
