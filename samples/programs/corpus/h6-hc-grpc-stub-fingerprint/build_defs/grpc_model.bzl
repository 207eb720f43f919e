# Service descriptors mirrored from the .proto files (kept in sync by //tools:proto_sync).

def method(name, streaming = False, idempotent = False):
    return struct(name = name, streaming = streaming, idempotent = idempotent)

def service(name, methods, package):
    return struct(name = name, methods = methods, package = package)

_CRUD = ["Get", "List", "Create", "Update", "Delete", "BatchGet", "Search", "Watch"]

def crud_methods(resource):
    return [method(verb + resource, streaming = verb == "Watch", idempotent = verb in ("Get", "List", "BatchGet")) for verb in _CRUD]
