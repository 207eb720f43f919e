OWNED_AREAS = ["cart", "catalog", "orders", "payments", "shipping", "accounts"]

KNOWN_PACKAGES = [
    "//commerce/%s/%s" % (area, name)
    for area in OWNED_AREAS
    for name in ["checkout", "pricing", "search", "reviews", "returns", "gifts", "coupons", "stock", "wishlist", "history",
                 "promo", "tax", "audit", "ledger", "export", "import", "batch", "stream", "cache", "index"]
]
