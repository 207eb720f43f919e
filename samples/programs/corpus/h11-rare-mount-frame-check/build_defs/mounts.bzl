load("//build_defs:frames.bzl", "frame_names")

def _valid_frames(model):
    return {f: True for f in frame_names(model)}

def _validate_mount(model, mount):
    valid = _valid_frames(model)
    if mount.parent_frame not in valid:
        fail("mount {name}: parent frame '{parent}' is not a link of {model}".format(
            name = mount.name,
            parent = mount.parent_frame,
            model = model,
        ))
    return mount

def _static_tf(model, mount):
    return struct(
        name = "tf_{}_{}".format(model, mount.name),
        args = [str(v) for v in mount.xyz_rpy] + [mount.parent_frame, mount.name],
    )

def sensor_mounts(model, mounts):
    checked = [_validate_mount(model, m) for m in mounts]
    for tf in [_static_tf(model, m) for m in checked]:
        genrule(
            name = tf.name,
            out = tf.name + ".launch.py",
            cmd = "gen_static_tf " + " ".join(tf.args) + " > $OUT",
        )
