// Times the parse pipeline in Node on one generated input (a quick check between
// optimisation rounds; the browser numbers come from run.mjs).
// Usage: node --import tsx tools/bench/node-parse.ts tools/bench/out/heap-flame-100mb.src
import { createReadStream, statSync } from 'node:fs';
import { parseChunks } from '../../src/formats/parse-file.ts';

const path = process.argv[2]!;
const size = statSync(path).size;
const started = performance.now();
const parsed = await parseChunks(
  path,
  size,
  createReadStream(path, { highWaterMark: Number(process.env.CHUNK ?? 1 << 20) }),
);
const ms = performance.now() - started;
const tree = parsed.profile && 'tree' in parsed.profile ? parsed.profile.tree : null;
console.log(
  JSON.stringify({
    file: path,
    format: parsed.profile?.format ?? parsed.error?.message,
    nodes: tree?.name.length ?? 0,
    ms: Math.round(ms),
    mbPerS: +(size / 1e6 / (ms / 1000)).toFixed(1),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }),
);
