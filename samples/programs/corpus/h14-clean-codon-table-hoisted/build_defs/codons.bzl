_B = ["T", "C", "A", "G"]
_AA = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"

def codon_table():
    codons = [a + b + c for a in _B for b in _B for c in _B]
    return {codon: _AA[i] for i, codon in enumerate(codons)}
