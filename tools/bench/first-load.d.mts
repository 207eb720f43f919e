// Types of first-load.mjs for the TypeScript test that reads the same list (test/tools/first-load.test.ts).
export function eagerScripts(html: string): string[];
export function inlineScripts(html: string): string[];
export function bundleSizes(dist: string): {
  firstLoadJsGzipBytes: number;
  firstLoadFiles: string[];
  firstLoadGzipBytesPerFile: number[];
  workerJsGzipBytes: number;
  workerFile: string | null;
};
