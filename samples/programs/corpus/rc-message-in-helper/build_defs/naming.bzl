# Go packages whose names must be on the registered list.

REGISTERED = ["pkg{}".format(i) for i in range(1500)]

def _check_registered(package):
    message = "package {} is not registered; registered packages: {}".format(package, ", ".join(REGISTERED))
    if package not in REGISTERED:
        fail(message)

def go_packages(packages):
    for package in packages:
        _check_registered(package)
        go_binary(name = package, srcs = [package + "/main.go"])
