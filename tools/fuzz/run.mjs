// `npm run fuzz [-- --cases N --seed S …]`: runs the TypeScript fuzz driver under tsx.
// See tools/fuzz/fuzz.ts for the options and docs/reliability.md for the recorded figures.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const driver = fileURLToPath(new URL('./fuzz.ts', import.meta.url));
const run = spawnSync(process.execPath, ['--import', 'tsx', driver, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
