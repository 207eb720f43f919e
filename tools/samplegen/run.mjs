#!/usr/bin/env node
// `npm run samples`: builds tools/samplegen (Rust, the real `starlark` crate Buck2 embeds) and
// regenerates every generated file under samples/ from samples/programs/.
// Extra arguments are passed to the generator, e.g. `npm run samples -- corpus my-programs /tmp/out`.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = join('tools', 'samplegen', 'Cargo.toml');
const args = process.argv.slice(2);
const generatorArgs = args.length > 0 ? args : ['all', join('samples', 'programs'), 'samples'];

const cargo = spawnSync(
  'cargo',
  ['run', '--release', '--locked', '--quiet', '--manifest-path', manifest, '--', ...generatorArgs],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      // A shared target dir (several checkouts) may be given; the default keeps builds in the repo.
      CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR ?? join(root, 'tools', 'samplegen', 'target'),
    },
  },
);
if (cargo.error) {
  console.error(`samples: could not run cargo (${cargo.error.message}); install Rust: https://rustup.rs`);
  process.exit(1);
}
process.exit(cargo.status ?? 1);
