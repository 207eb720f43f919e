load("//build_defs:topics.bzl", "default_remaps")

def _node_args(node, pairs):
    return ["--ros-args"] + ["-r %s:=%s" % p for p in pairs]

def _launch_group_impl(name, nodes, remaps):
    for group in nodes:
        for node in group.members:
            pairs = []
            for src, dst in remaps.items():
                if src.startswith(node.listens):
                    pairs.append((src, dst))
            python_library(
                name = "{}_{}_{}".format(name, group.name, node.name),
                srcs = ["launch/{}.py".format(node.name)],
                labels = _node_args(node, pairs),
            )

def launch_group(name, nodes, namespace = "vehicle", sensors = None, remaps = None):
    if remaps == None:
        remaps = default_remaps(namespace, sensors or [])
    _launch_group_impl(name, nodes, remaps)
