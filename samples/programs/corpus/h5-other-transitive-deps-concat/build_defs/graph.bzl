# Static in-package dependency graph of the java modules (generated from module-info.java).
def module_graph(modules, fanout):
    return {
        m: [modules[j] for j in range(max(0, i - fanout), i)]
        for i, m in enumerate(modules)
    }
