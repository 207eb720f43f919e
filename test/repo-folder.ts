// A repository-sized folder for load tests and the bench: the real samples under `samples/`
// (the culprit corpus left out: its 230 programs alone outgrow the folder, and the corpus tests
// read it) plus filler a checkout holds beside its profiles (package manifests, HTML docs,
// Markdown, Python), 3,000 files in all, spread over a few hundred folders as a real tree is.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from './golden.ts';

export interface RepoFolder {
  root: string;
  files: number;
  /** Files that are neither profiles nor Starlark sources. */
  filler: number;
}

const FILLER: readonly { ext: string; share: number; text: (i: number) => string }[] = [
  {
    ext: 'json',
    share: 700,
    text: (i) => `{\n  "name": "pkg-${i}",\n  "version": "1.0.${i}",\n  "dependencies": { "left-pad": "^1.3.0" }\n}\n`,
  },
  {
    ext: 'html',
    share: 300,
    text: (i) =>
      `<!doctype html>\n<html><head><title>Page ${i}</title></head>\n<body><p>Docs page ${i}</p></body></html>\n`,
  },
  { ext: 'md', share: 800, text: (i) => `# Notes ${i}\n\nSome words about module ${i}.\n` },
  { ext: 'py', share: 800, text: (i) => `def f${i}(x):\n    return x + ${i}\n` },
];

/** Writes the folder under `parent` (samples copied, then filler) and returns its size. */
export function writeRepoFolder(parent: string, total = 3000): RepoFolder {
  const root = join(parent, 'repo');
  cpSync(SAMPLES_DIR, join(root, 'samples'), {
    recursive: true,
    filter: (from) => !/[\\/]samples[\\/](programs[\\/])?corpus([\\/]|$)/.test(from),
  });
  let files = countFiles(root);
  const sampleFiles = files;
  const shares = FILLER.reduce((s, f) => s + f.share, 0);
  for (const [k, kind] of FILLER.entries()) {
    // The last kind takes what rounding left over, so the folder holds exactly `total` files.
    const last = k === FILLER.length - 1;
    const n = last ? total - files : Math.round(((total - sampleFiles) * kind.share) / shares);
    for (let i = 0; i < n && files < total; i++) {
      const dir = join(root, 'third-party', `pkg-${i % 97}`, kind.ext === 'html' ? 'docs' : 'src', `m${i % 5}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `file-${i}.${kind.ext}`), kind.text(i));
      files++;
    }
  }
  return { root, files, filler: files - sampleFiles };
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
