# Target naming shared by several workspaces (an external repository in the sample).

def variant_name(name, variant, flavor):
    return "{}_{}_{}".format(name, variant, flavor)
