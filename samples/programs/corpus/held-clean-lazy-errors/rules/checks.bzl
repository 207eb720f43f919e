ALLOWED_LICENSES = ["MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause", "ISC", "Zlib", "MPL-2.0"] + ["Custom-{}".format(i) for i in range(300)]

def check_license(name, license):
    if license not in ALLOWED_LICENSES:
        fail("{} uses license {}; allowed: {}".format(name, license, ", ".join(ALLOWED_LICENSES)))

def check_version(name, version):
    if len(version.split(".")) != 3:
        fail("{}: version {} is not semver".format(name, version))
