_BASES = ["A", "C", "G", "T"]

def kmer_universe(k):
    kmers = [""]
    for _ in range(k):
        kmers = [p + b for p in kmers for b in _BASES]
    return kmers

def _canonical_index(kmer, universe):
    return universe.index(kmer) if kmer in universe else -1
