CHROM_SIZES = {"chr1": 248956422, "chr2": 242193529, "chr3": 198295559, "chr4": 190214555, "chr21": 46709983, "chr22": 50818468, "chrX": 156040895}

def _window_starts(length, step):
    return [s for s in range(0, length, step)]

def coverage_bins(name, chroms, window = 80):
    for chrom in chroms:
        starts = _window_starts(CHROM_SIZES[chrom] // 2, window)
        genrule(
            name = "%s_%s" % (name, chrom),
            out = "%s.bed" % chrom,
            cmd = "bedtools makewindows -g $(location :genome) -w %d -n %d > $OUT" % (window, len(starts)),
        )
