load("//build_defs:panels.bzl", "ONCO_PANEL")

def _amplicon_cmd(panel, amplicon):
    return "design_primers --panel %s --amplicon %s > $OUT" % (panel.name, amplicon)

def _assay_impl(name, panel, amplicons):
    emitted = []
    for amplicon in amplicons:
        n_targets = len(panel.targets())
        genrule(
            name = "%s_%s" % (name, amplicon),
            out = amplicon + ".primers",
            cmd = _amplicon_cmd(panel, amplicon) + " --n %d" % n_targets,
        )
        emitted.append(":%s_%s" % (name, amplicon))
    return emitted

def clinical_assay(name, amplicons, panel = ONCO_PANEL):
    filegroup(name = name, srcs = _assay_impl(name, panel, amplicons))
