# TF frame tree per vehicle model (URDF link names).
_BODY_LINKS = ["base_link", "base_footprint", "chassis", "imu_link", "gnss_antenna_front", "gnss_antenna_rear"]

def frame_names(model):
    links = list(_BODY_LINKS)
    for side in ["front", "rear", "left", "right", "front_left", "front_right", "rear_left", "rear_right"]:
        for kind in ["lidar", "radar", "camera", "ultrasonic", "thermal"]:
            for idx in range(8):
                links.append("{}_{}_{}_{}_link".format(model, side, kind, idx))
    return links
