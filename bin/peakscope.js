#!/usr/bin/env node
// `npx peakscope …` right after `npm ci`: tsx compiles src/cli/*.ts on the fly, no build step.
import { register } from 'tsx/esm/api';

// A reader that quits early (`peakscope report x | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});

try {
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // Only a broken install gets here: main() turns every other failure into one line itself.
  process.stderr.write(`peakscope: cannot start: ${String(e instanceof Error ? e.message : e).split('\n')[0]}\n`);
  process.exitCode = 2;
}
