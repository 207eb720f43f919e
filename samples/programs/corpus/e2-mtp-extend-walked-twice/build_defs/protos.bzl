# protoc runs: one genrule per (proto file, plugin output).

_PLUGIN_OUTPUTS = {
    "cpp": [".pb.h", ".pb.cc"],
    "grpc": ["_grpc.pb.h", "_grpc.pb.cc", "_mock_grpc.pb.h"],
    "py": ["_pb2.py", "_pb2_grpc.py", "_pb2.pyi"],
}

_PROTOC = "$(exe //third-party/protobuf:protoc)"

def _job(proto, plugin, ext):
    stem = proto[:-len(".proto")]
    return {
        "name": (stem + ext).replace("/", "_").replace(".", "_"),
        "srcs": [proto],
        "out": stem.split("/")[-1] + ext,
        "cmd": "%s --plugin=%s --%s_out=$OUT -I. $(location %s)" % (_PROTOC, plugin, plugin, proto),
    }

def _jobs_for(proto, plugins):
    jobs = []
    for plugin in plugins:
        for ext in _PLUGIN_OUTPUTS[plugin]:
            jobs.append(_job(proto, plugin, ext))
    return jobs

def _all_jobs(protos, plugins):
    everything = []
    for proto in protos:
        everything.extend(_jobs_for(proto, plugins))
    return everything

def proto_bundle(name, protos, plugins):
    jobs = _all_jobs(protos, plugins)
    for job in jobs:
        genrule(name = job["name"], srcs = job["srcs"], out = job["out"], cmd = job["cmd"])
    filegroup(name = name, srcs = [":" + j["name"] for j in jobs])
