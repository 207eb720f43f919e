# Architectural layers, lowest first. A target may depend on its own layer or any lower one.
LAYERS = ["third-party", "base", "platform", "storage", "services", "products", "apps"]

ALLOWED_PREFIXES = {
    layer: ["//%s/%s/..." % (l, area) for l in LAYERS[:i + 1] for area in ["core", "common", "util", "testing", "api", "internal", "compat", "experimental", "public", "legacy"]]
    for i, layer in enumerate(LAYERS)
}

def layer_of(label):
    top = label[2:].split("/", 1)[0]
    return top if top in LAYERS else None
