# A Bloom filter over labels, to drop repeated deps without sorting them.

_HASHES = 3
_BITS_PER_ENTRY = 16
_EXPECTED_ENTRIES = 40000
_FILTER_BITS = _EXPECTED_ENTRIES * _BITS_PER_ENTRY

def _positions(label):
    h = hash(label)
    return [(h + k * 7919) % _FILTER_BITS for k in range(_HASHES)]

def seen_filter(labels):
    bits = [False] * _FILTER_BITS
    kept = []
    for label in labels:
        ps = _positions(label)
        if all([bits[p] for p in ps]):
            continue
        for p in ps:
            bits[p] = True
        kept.append(label)
    return kept
