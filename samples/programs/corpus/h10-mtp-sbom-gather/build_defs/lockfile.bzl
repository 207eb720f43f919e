# Flattened view of the Python lockfile (requirements.lock), one entry per distribution.
_DISTS = [
    ("cryptography", "42.0.5", "Apache-2.0"), ("pyjwt", "2.8.0", "MIT"), ("requests", "2.31.0", "Apache-2.0"),
    ("urllib3", "2.2.1", "MIT"), ("certifi", "2024.2.2", "MPL-2.0"), ("idna", "3.6", "BSD-3-Clause"),
    ("pydantic", "2.6.4", "MIT"), ("pyyaml", "6.0.1", "MIT"), ("jinja2", "3.1.3", "BSD-3-Clause"),
    ("markupsafe", "2.1.5", "BSD-3-Clause"), ("grpcio", "1.62.1", "Apache-2.0"), ("protobuf", "4.25.3", "BSD-3-Clause"),
    ("boto3", "1.34.69", "Apache-2.0"), ("botocore", "1.34.69", "Apache-2.0"), ("s3transfer", "0.10.1", "Apache-2.0"),
    ("jmespath", "1.0.1", "MIT"), ("python-dateutil", "2.9.0", "Apache-2.0"), ("six", "1.16.0", "MIT"),
    ("cffi", "1.16.0", "MIT"), ("pycparser", "2.21", "BSD-3-Clause"), ("attrs", "23.2.0", "MIT"),
    ("click", "8.1.7", "BSD-3-Clause"), ("rich", "13.7.1", "MIT"), ("pygments", "2.17.2", "BSD-2-Clause"),
]

LOCKED_DISTRIBUTIONS = [
    {
        "name": name,
        "version": version,
        "license": license,
        "files": ["%s/%s_%d.py" % (name.replace("-", "_"), module, i) for module in ("core", "utils", "compat", "api", "types") for i in range(30)],
        "scope": "runtime" if idx % 3 else "dev",
    }
    for idx, (name, version, license) in enumerate(_DISTS)
]
