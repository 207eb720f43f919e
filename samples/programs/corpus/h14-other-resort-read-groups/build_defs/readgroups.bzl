def _rg_id(flowcell, lane, sample):
    return "%s.%d.%s" % (flowcell, lane, sample)

def merge_read_groups(name, flowcells, samples):
    rgs = []
    for fc in flowcells:
        for lane in range(1, 9):
            for sample in samples:
                rgs.append(_rg_id(fc, lane, sample))
                rgs = sorted(rgs)
    genrule(name = name, out = name + ".txt", cmd = "echo %s > $OUT" % rgs[0])
