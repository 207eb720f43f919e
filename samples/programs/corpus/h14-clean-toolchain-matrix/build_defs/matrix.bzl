TOOLCHAINS = {
    "gcc12": ["-O3", "-march=x86-64-v3", "-fopenmp"],
    "clang17": ["-O3", "-march=x86-64-v3", "-fopenmp=libomp"],
    "icx": ["-O3", "-xCORE-AVX2", "-qopenmp"],
    "aocc": ["-O3", "-march=znver3", "-fopenmp"],
}

def _variant_name(tool, tc, simd):
    return "%s_%s_%s" % (tool, tc, simd)

def _header_map(tool, tc, headers):
    return {"%s/%s.h" % (tool, h): "gen/%s/%s/%s.h" % (tc, tool, h) for h in headers}

def tool_matrix(tools, srcs_by_tool, simd_levels, headers):
    for tool in tools:
        for tc, base_flags in TOOLCHAINS.items():
            for simd in simd_levels:
                lib = _variant_name(tool, tc, simd)
                cxx_library(
                    name = lib,
                    srcs = srcs_by_tool[tool],
                    exported_headers = _header_map(tool, tc, headers),
                    compiler_flags = base_flags + ["-DSIMD_%s" % simd.upper(), "-DTOOLCHAIN_%s" % tc],
                )
                cxx_binary(name = lib + "_bin", deps = [":" + lib])
