# Compiler plugin options per Kotlin target platform.

_PLUGINS = [
    ("kapt", ["aptMode", "correctErrorTypes", "useLightAnalysis", "mapDiagnosticLocations", "stripMetadata"]),
    ("parcelize", ["enabled", "experimental", "ignoreWarnings"]),
    ("serialization", ["json", "protobuf", "cbor", "explicitNulls", "encodeDefaults"]),
    ("compose", ["suppressKotlinVersionCompatibilityCheck", "liveLiterals", "sourceInformation", "metricsDestination", "reportsDestination", "strongSkipping"]),
    ("allopen", ["annotation", "preset"]),
    ("noarg", ["annotation", "invokeInitializers"]),
    ("sam-with-receiver", ["annotation"]),
    ("atomicfu", ["transformJvm", "transformJs", "jvmVariant"]),
]

_OPT_VALUES = ["true", "false", "default", "strict", "warn"]

def _plugin_options(prefix):
    return [
        "-P=plugin:{}.{}:{}={}".format(prefix, plugin, opt, val)
        for plugin, opts in _PLUGINS
        for opt in opts
        for val in _OPT_VALUES
    ]

def jvm_flags(cfg):
    return ["-jvm-target", cfg.jvm_target, "-Xjsr305=strict"] + _plugin_options("org.jetbrains.kotlin")

def android_flags(cfg):
    return ["-jvm-target", cfg.jvm_target, "-Xno-param-assertions"] + _plugin_options("androidx.compose.compiler")

def mpp_flags(cfg):
    return ["-Xmulti-platform", "-Xexpect-actual-classes"] + _plugin_options("org.jetbrains.kotlinx")
