# Interface packages of the autonomy stack: package -> list of (message, field types it depends on).
_FIELD_TYPES = ["std_msgs/Header", "geometry_msgs/Pose", "geometry_msgs/Twist", "geometry_msgs/Point",
                "builtin_interfaces/Time", "sensor_msgs/PointCloud2", "sensor_msgs/Image", "nav_msgs/Odometry"]

def _messages(prefix, count):
    return [
        struct(
            name = "%s%d" % (prefix, i),
            fields = [_FIELD_TYPES[(i + k) % len(_FIELD_TYPES)] for k in range(1 + i % 6)],
        )
        for i in range(count)
    ]

INTERFACE_PACKAGES = {
    "perception_msgs": _messages("Detection", 210),
    "prediction_msgs": _messages("PredictedPath", 165),
    "planning_msgs": _messages("TrajectorySegment", 180),
    "control_msgs": _messages("ActuatorCommand", 135),
    "localization_msgs": _messages("PoseEstimate", 120),
    "vehicle_msgs": _messages("CanSignal", 240),
    "sim_msgs": _messages("ActorState", 150),
    "diagnostics_ext_msgs": _messages("HealthReport", 105),
}
