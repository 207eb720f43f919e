_DEFAULTS = {"use_sim_time": "false", "qos_depth": "10", "log_level": "info"}

def _param_key(node, group, name):
    return "{}.{}.{}".format(node, group, name)

def merge_node_params(node, groups):
    params = dict(_DEFAULTS)
    for group in groups:
        for pname, value in group.values:
            params = dict(params, **{_param_key(node, group.name, pname).replace(".", "__"): value})
    return params
