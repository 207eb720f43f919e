# Which proto packages may be published from which directories (API review policy).

_DOMAINS = ["billing", "catalog", "identity", "search", "shipping", "loyalty", "fraud", "notify", "ledger", "media", "pricing", "inventory"]
_VERSIONS = ["v1", "v1beta1", "v2", "v2beta1", "v3"]
_VISIBILITY = ["public", "internal", "partner"]

def _allowed_packages():
    return set([
        "shop.{}.{}.{}".format(vis, dom, ver)
        for vis in _VISIBILITY
        for dom in _DOMAINS
        for ver in _VERSIONS
    ])

def package_is_allowed(pkg):
    return pkg in _allowed_packages()
