load("//build_defs:versions.bzl", "SUPPORTED_ROS_PKG_VERSIONS")

def _pinned_deps(pkg, depends):
    pins = []
    for dep, version in depends:
        supported = SUPPORTED_ROS_PKG_VERSIONS.get(dep, [])
        msg = "package %s: %s==%s is not a supported pin.\nSupported %s versions are: %s\nDeclared depends: %s" % (
            pkg,
            dep,
            version,
            dep,
            ", ".join(supported),
            repr(depends),
        )
        if version not in supported:
            fail(msg)
        pins.append("//third_party/ros/{}:{}".format(dep, version.replace(".", "_")))
    return pins

def ros_package(name, depends, srcs = None):
    deps = _pinned_deps(name, depends)
    cxx_library(
        name = name,
        srcs = srcs or ["src/%s_node.cpp" % name],
        deps = deps,
    )
