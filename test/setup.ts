// Run before every test file (vite.config.ts `setupFiles`). Tests read compressed bytes with the
// synchronous parseBytes, which needs the decompressors loaded first; the app loads them on
// demand (formats/decompress.ts loadCodecs), and test/formats/decompress-lazy.test.ts checks
// that path on modules loaded afresh.
import { loadCodecs } from '../src/formats/decompress.ts';

await loadCodecs();
