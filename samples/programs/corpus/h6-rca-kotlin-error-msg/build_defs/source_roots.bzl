# Source roots the Kotlin compiler daemon is allowed to read from.

_FEATURES = ["account", "auth", "cart", "catalog", "checkout", "common", "deals", "help", "home", "inbox",
             "loyalty", "map", "onboarding", "orders", "payments", "profile", "reviews", "search", "settings", "wishlist"]
_SETS = ["main", "debug", "release", "test", "androidTest"]

ALLOWED_ROOTS = ["features/%s/src/%s/kotlin/" % (f, s) for f in _FEATURES for s in _SETS]
