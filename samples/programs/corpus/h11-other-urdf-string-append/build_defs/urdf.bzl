def _link_xml(link):
    return '<link name="%s"><inertial><mass value="%s"/></inertial></link>\n' % (link.name, link.mass)

def _joint_xml(parent, link):
    return '<joint name="%s_joint" type="fixed"><parent link="%s"/><child link="%s"/><origin xyz="%s"/></joint>\n' % (
        link.name,
        parent,
        link.name,
        link.xyz,
    )

def vehicle_urdf(name, model, links, root = "base_link"):
    xml = '<?xml version="1.0"?>\n<robot name="%s">\n' % model
    for link in links:
        xml += _link_xml(link)
        xml += _joint_xml(root, link)
    xml += "</robot>\n"
    genrule(
        name = name,
        out = model + ".urdf",
        cmd = "cat > $OUT <<'URDF'\n" + xml + "URDF",
    )
