# Every proto package the schema registry knows of.
_AREAS = ["ads", "billing", "search", "maps", "mail", "photos", "drive", "pay"]

def known_packages(org):
    packages = []
    for area in _AREAS:
        for version in range(1, 6):
            for sub in range(40):
                packages.append("{}.{}.{}.v{}".format(org, area, sub, version))
    return packages
