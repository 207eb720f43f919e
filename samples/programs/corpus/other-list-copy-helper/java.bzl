# A chain of Java modules; each one's classpath is the previous classpath plus its own jar.

def _extend_classpath(classpath, jar):
    # list() copies the whole classpath before adding one jar.
    extended = list(classpath)
    extended.append(jar)
    return extended

def java_chain(name, modules):
    classpath = ["//third-party:guava", "//third-party:jsr305"]
    for i in range(modules):
        module = "{}_{}".format(name, i)
        genrule(name = module, out = module + ".jar", cmd = "javac -cp {} {}".format(len(classpath), module))
        classpath = _extend_classpath(classpath, ":" + module)
