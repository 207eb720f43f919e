# One bundle of every texture: the list is big, and the bundle needs every element of it.

def asset_bundle(name, count):
    srcs = ["textures/{}/tex_{}.ktx2".format(i % 64, i) for i in range(count)]
    filegroup(name = name, srcs = srcs)
    genrule(name = name + "_manifest", out = "manifest.txt", srcs = [":" + name], cmd = "list_assets $SRCS > $OUT")
