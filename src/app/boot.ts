// The page's first module, listed before main.ts in index.html: small, so it runs while the
// main bundle is still downloading, and all it does is give a `#url=` load a head start.
import { startFromHash } from './head-start.ts';

void startFromHash(location.hash, location.href);
