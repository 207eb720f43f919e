# Service binaries: each declaration checks ownership three calls below the loop.

OWNERS = {"infra": ["service_{}".format(i) for i in range(1200)], "web": ["frontend", "gateway"]}

def _owner_error(service, owner):
    return "{} is not owned by {}; {} owns: {}".format(service, owner, owner, ", ".join(OWNERS[owner]))

def _check_owner(service, owner):
    # The message is formatted (joining every owned service) before we know it is needed.
    error = _owner_error(service, owner)
    if service not in OWNERS[owner]:
        fail(error)

def _attrs(service, owner):
    _check_owner(service, owner)
    return {"name": service, "srcs": ["{}/main.go".format(service)], "labels": ["owner:" + owner]}

def _declare(service, owner):
    go_binary(**_attrs(service, owner))

def service_binaries(services, owner):
    for service in services:
        _declare(service, owner)
