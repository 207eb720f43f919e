def _node_entry(pipeline, stage, idx, params_file):
    return struct(
        package = pipeline,
        executable = "{}_node".format(stage),
        name = "{}_{}_{}".format(pipeline, stage, idx),
        params = params_file,
    )

def _build_launch_description(pipeline, stages, replicas, params_file):
    nodes = []
    for stage in stages:
        for idx in range(replicas):
            nodes = nodes + [_node_entry(pipeline, stage, idx, params_file)]
    return nodes

def launch_description(name, pipeline, stages, replicas = 1, params_file = None):
    nodes = _build_launch_description(pipeline, stages, replicas, params_file or "config/%s.yaml" % pipeline)
    genrule(
        name = name,
        out = name + ".launch.py",
        cmd = "gen_launch --nodes %d --pipeline %s > $OUT" % (len(nodes), pipeline),
    )
    python_library(name = name + "_lib", srcs = ["launch/%s.py" % pipeline])
