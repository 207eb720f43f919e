# Translation catalogue metadata exported by the localisation pipeline.

SUPPORTED_LOCALES = [
    "ar", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-MX", "fi", "fr", "fr-CA", "he", "hi",
    "hr", "hu", "id", "it", "ja", "ko", "ms", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk",
    "sv", "th", "tr", "uk", "vi", "zh-CN", "zh-HK", "zh-TW",
]

APP_MODULES = [
    "account", "auth", "cart", "catalog", "checkout", "common", "deals", "help", "home", "inbox",
    "loyalty", "map", "onboarding", "orders", "payments", "profile", "reviews", "search", "settings", "wishlist",
]

STRING_KEYS = ["title", "subtitle", "empty_state", "error_generic", "error_network", "retry", "cancel",
               "confirm", "loading", "a11y_back", "a11y_close", "toolbar_title", "cta_primary",
               "cta_secondary", "banner", "tooltip", "footer", "legal", "share", "more"]

PLURAL_FORMS = ["zero", "one", "two", "few", "many", "other"]
