load(":refdata.bzl", "CURRENCIES")

def deliverable_codes():
    return [c["code"] for c in CURRENCIES if c["deliverable"]]

def cross_rate_matrix(codes, pivot = "USD"):
    """All triangulated crosses reachable through the pivot, keyed BASEQUOTE."""
    matrix = {}
    for base in codes:
        for quote in codes:
            if base == quote:
                continue
            legs = [base + pivot, pivot + quote] if pivot not in (base, quote) else [base + quote]
            matrix[base + quote] = legs
    return matrix

def fx_fixture_name(pair):
    return "fx_fixture_" + pair.lower()
