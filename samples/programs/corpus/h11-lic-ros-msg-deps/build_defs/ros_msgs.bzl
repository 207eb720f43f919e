load("//build_defs:ros_common.bzl", "ROS_DISTRO", "msg_dep_graph", "validate_pkg_name")

_GEN_LANGS = ["cpp", "py"]

def _transitive_msg_headers(graph, distro):
    # Every header of every message package in the distro, ordered for the include path.
    headers = []
    for pkg in sorted(graph):
        for dep in graph[pkg]:
            headers.append("{}/{}/include/{}/msg/{}.hpp".format(distro, pkg, dep, pkg))
    return headers

def _gen_target(pkg, msg, lang, include_dirs):
    return struct(
        name = "{}_{}_{}".format(pkg, msg.lower(), lang),
        out = "{}/{}.{}".format(pkg, msg, "hpp" if lang == "cpp" else "py"),
        includes = include_dirs,
    )

def _ros_message_package_impl(pkg, msgs, deps):
    graph = msg_dep_graph()
    targets = []
    for msg in msgs:
        include_dirs = _transitive_msg_headers(graph, ROS_DISTRO)
        for lang in _GEN_LANGS:
            targets.append(_gen_target(pkg, msg, lang, include_dirs[:4]))
    for t in targets:
        genrule(
            name = t.name,
            out = t.out,
            cmd = "rosidl_gen --out $OUT " + " ".join(t.includes),
        )
    cxx_library(
        name = pkg + "_msgs",
        exported_deps = [":" + t.name for t in targets if t.name.endswith("_cpp")] + deps,
    )

def ros_message_package(name, msgs, deps = []):
    validate_pkg_name(name)
    _ros_message_package_impl(name, msgs, deps)
