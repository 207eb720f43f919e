# protoc plugin invocations, one genrule per (proto, language).

def _java_gen(src, base):
    return struct(out = base + ".srcjar", cmd = "protoc --java_out=lite:$OUT -I proto $(location %s)" % src)

def _kotlin_gen(src, base):
    return struct(out = base + "-kt.srcjar", cmd = "protoc --kotlin_out=lite:$OUT -I proto $(location %s)" % src)

def _go_gen(src, base):
    return struct(out = base + ".pb.go", cmd = "protoc --go_out=paths=source_relative:$OUT -I proto $(location %s)" % src)

def _grpc_go_gen(src, base):
    return struct(out = base + "_grpc.pb.go", cmd = "protoc --go-grpc_out=paths=source_relative:$OUT -I proto $(location %s)" % src)

GENERATORS = {
    "java": _java_gen,
    "kotlin": _kotlin_gen,
    "go": _go_gen,
    "grpc-go": _grpc_go_gen,
}
