def _release_train(major, minors, patches):
    return ["%d.%d.%d" % (major, mn, p) for mn in range(minors) for p in range(patches)]

# Every release the ROS mirror has vetted, per package.
SUPPORTED_ROS_PKG_VERSIONS = {
    "rclcpp": _release_train(16, 20, 15) + _release_train(28, 4, 12),
    "rclpy": _release_train(3, 18, 14),
    "tf2_ros": _release_train(0, 26, 12),
    "pcl_conversions": _release_train(2, 5, 40),
    "image_transport": _release_train(3, 12, 20),
    "nav2_util": _release_train(1, 10, 30),
}
