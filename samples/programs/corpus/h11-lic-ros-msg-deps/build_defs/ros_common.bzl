ROS_DISTRO = "humble"

_CORE_PKGS = ["std_msgs", "geometry_msgs", "sensor_msgs", "nav_msgs", "tf2_msgs", "diagnostic_msgs",
              "visualization_msgs", "trajectory_msgs", "shape_msgs", "stereo_msgs", "actionlib_msgs",
              "builtin_interfaces", "rosgraph_msgs", "vehicle_msgs", "perception_msgs", "planning_msgs"]

def msg_dep_graph():
    graph = {}
    for i, pkg in enumerate(_CORE_PKGS):
        graph[pkg] = ["%s_dep%d" % (_CORE_PKGS[j], k) for j in range(i + 1) for k in range(4)]
    return graph

def validate_pkg_name(name):
    if not name.islower() or " " in name:
        fail("ROS package name '%s' must be lower_snake_case" % name)
