SCAN_ROOTS = ["services", "libs", "tools", "infra", "security", "compliance", "docs", "examples"]
SCAN_SUBDIRS = ["testdata", "fixtures", "golden", "samples", "e2e", "mocks", "vendor", "snapshots",
                "docs", "config", "charts", "terraform", "migrations", "scripts", "notebooks", "proto"]
SCAN_EXTS = ["*.py", "*.go", "*.yaml", "*.json"]

def scan_globs():
    return ["%s/**/%s/%s" % (root, sub, ext) for root in SCAN_ROOTS for sub in SCAN_SUBDIRS for ext in SCAN_EXTS]
