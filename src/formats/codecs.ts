// The decompressors (fflate for gzip, fzstd for zstd), a chunk of their own in the app: building
// their tables took ~15 ms of every load's start in the worker (an import of the parsers' chunk
// with them stubbed out: 28.7 against 43.9 ms, medians of 21), and most loads are not compressed.
// decompress.ts loads this module when the first bytes of an input say it is compressed.
export { Gunzip } from 'fflate';
export { Decompress as ZstdDecompress } from 'fzstd';
