SRC_EXTS = (".c", ".cc", ".cpp", ".cxx", ".s", ".S", ".asm", ".h", ".hh", ".hpp", ".inc", ".ld", ".def", ".ipp", ".tcc", ".inl")
