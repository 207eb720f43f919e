ALLOWED_COMPONENTS = ["component_{}".format(i) for i in range(1600)]
