# Third-party artifacts pulled into the Android app and Go services, with SPDX data.

def artifact(coord, spdx, files, owners):
    group, artifact_id, version = coord.split(":")
    return struct(group = group, artifact = artifact_id, version = version, spdx = spdx, files = files, owners = owners)
