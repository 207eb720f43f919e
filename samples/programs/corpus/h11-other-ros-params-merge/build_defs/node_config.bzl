load("//build_defs:params.bzl", "merge_node_params")

def ros_node_config(node, groups):
    params = merge_node_params(node, groups)
    genrule(
        name = node + "_params",
        out = node + "_params.yaml",
        cmd = "emit_params --count %d > $OUT" % len(params),
    )
