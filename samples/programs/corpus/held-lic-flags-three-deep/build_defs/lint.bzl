_CHECKS = ["unused", "shadow", "deprecation", "rawtypes", "unchecked", "cast", "fallthrough", "serial"]

def lint_matrix(level):
    matrix = {}
    for check in _CHECKS:
        for severity in range(level * 60):
            matrix["{}:{}".format(check, severity)] = ["-Xlint:{}".format(check), "-Xmaxwarns={}".format(severity)]
    return matrix
