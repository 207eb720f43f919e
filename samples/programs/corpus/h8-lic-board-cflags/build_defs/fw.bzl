load("//build_defs:flags.bzl", "cflags")

def _img(name, img, tc):
    fl = cflags(tc)
    return (
        "%s_%s" % (name, img[0]),
        ["src/%s/%s" % (img[0], s) for s in img[1]],
        fl,
    )

def fw_images(name, tc, images, deps = []):
    outs = []
    for img in images:
        if not img[1]:
            continue
        n, srcs, fl = _img(name, img, tc)
        cxx_binary(name = n, srcs = srcs, compiler_flags = fl, deps = deps)
        outs.append(":" + n)
    filegroup(name = name, srcs = outs)
