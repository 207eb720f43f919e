_ALLOWED_EXPRESSIONS = ["MIT OR Apache-2.0", "Apache-2.0", "MIT", "BSD-3-Clause", "ISC", "Apache-2.0 WITH LLVM-exception", "Zlib"]

def allowed_license(expression):
    return expression in _ALLOWED_EXPRESSIONS

def validate_crate(crate):
    if not crate.name or len(crate.name) > 64:
        fail("bad crate name %r" % crate.name)
    if not crate.name.replace("-", "").replace("_", "").isalnum() or not crate.name.islower():
        fail("crate names must be lowercase alphanumerics: " + crate.name)
    if crate.edition not in ("2015", "2018", "2021"):
        fail("%s: unsupported edition %s" % (crate.name, crate.edition))
    if not allowed_license(crate.license):
        fail("%s is licensed %s, which needs a compliance review" % (crate.name, crate.license))
