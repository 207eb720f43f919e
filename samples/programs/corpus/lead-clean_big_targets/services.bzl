# Service targets: each service has its own sources, deps and labels; all of them are needed.

def _service(index):
    name = "service_{}".format(index)
    python_library(
        name = name,
        srcs = ["{}/main.py".format(name), "{}/handlers.py".format(name)],
        deps = [":common", ":service_{}".format(index // 2)] if index > 0 else [":common"],
    )

def service_targets(count):
    python_library(name = "common", srcs = ["common.py"])
    for index in range(count):
        _service(index)
