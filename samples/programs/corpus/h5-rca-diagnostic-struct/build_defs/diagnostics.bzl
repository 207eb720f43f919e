SUPPORTED_EXTENSIONS = {
    "android": [".c", ".cc", ".cpp", ".S"],
    "ios": [".c", ".cc", ".cpp", ".m", ".mm"],
    "linux": [".c", ".cc", ".cpp", ".S", ".cu"],
    "windows": [".c", ".cc", ".cpp", ".asm"],
}

def source_diagnostic(target, platform, src, flags):
    """Context attached to a source-level error so the user sees how the file was configured."""
    return struct(
        target = target,
        location = "%s (platform %s)" % (src, platform),
        compile_line = "clang++ %s -c %s -o %s.o" % (" ".join(flags), src, src.rsplit(".", 1)[0]),
        supported = ", ".join(["'%s'" % e for e in SUPPORTED_EXTENSIONS.get(platform, [])]),
        hint = "add the file to `platform_srcs` for the platforms that can build it",
    )

def report(diag):
    fail("%s: %s cannot be compiled; supported extensions: %s.\n  %s\n  hint: %s" % (
        diag.target, diag.location, diag.supported, diag.compile_line, diag.hint))
