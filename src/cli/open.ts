// `peakscope open PATH...`: serves the built app and exactly the given files (and the files
// inside given directories) on 127.0.0.1, under an opaque per-run path, then opens the browser
// at `#url=<that path>/manifest.json`. Nothing else on disk is reachable through the server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, type CliIO, type Command } from './command.ts';
import { listArgument, type InputFile } from './load-paths.ts';
import { didYouMean } from './suggest.ts';

const USAGE = `Usage: peakscope open [--no-browser] PATH...

Serves the viewer on 127.0.0.1 (a random free port) with exactly these files, and the files
inside these directories, loaded. Builds dist/ first when it is missing. Ctrl+C stops it.

  --no-browser   print the URL only, do not start a browser
`;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface OpenServer {
  /** The page URL with the `#url=` that loads the files. */
  url: string;
  /** The manifest the page loads (also the prefix every served file shares). */
  manifestUrl: string;
  close(): Promise<void>;
}

/** Builds dist/ with Vite when it has no index.html (a fresh clone after `npm ci`). */
export async function ensureDist(distDir: string, io: CliIO): Promise<void> {
  if (existsSync(join(distDir, 'index.html'))) return;
  io.stderr('peakscope: building the viewer (dist/ is missing)…\n');
  const { build } = await import('vite');
  await build({ root: REPO_ROOT, logLevel: 'warn' });
  if (!existsSync(join(distDir, 'index.html')))
    throw new CliError(`the build did not produce ${join(distDir, 'index.html')}`);
}

function send(res: ServerResponse, status: number, type: string, body?: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** A file of dist/, or null when the request path leaves dist/ or names nothing there. */
function distFile(distDir: string, pathname: string): string | null {
  const wanted = pathname === '/' ? '/index.html' : pathname;
  const full = resolve(distDir, `.${wanted}`);
  if (full !== distDir && !full.startsWith(distDir + sep)) return null;
  return existsSync(full) && !full.endsWith(sep) ? full : null;
}

function handler(distDir: string, token: string, files: readonly InputFile[]) {
  const manifest = JSON.stringify({
    title: 'peakscope open',
    files: files.map((f, i) => ({ path: f.path, url: `f/${i}` })),
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    const pathname = URL.parse(req.url ?? '/', 'http://127.0.0.1')?.pathname;
    if (pathname === undefined) return send(res, 400, 'text/plain', 'bad request');
    if (pathname === `/${token}/manifest.json`) return send(res, 200, 'application/json', manifest);
    const m = new RegExp(`^/${token}/f/(\\d+)$`).exec(pathname);
    if (m) {
      const file = files[Number(m[1])];
      if (!file) return send(res, 404, 'text/plain', 'not found');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': file.size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(file.path)
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }
    // A broken escape (`/%E0`) is a bad request, not a crash of the server.
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'text/plain', 'bad request: broken %-escape in the path');
    }
    const asset = distFile(distDir, decoded);
    if (!asset) return send(res, 404, 'text/plain', 'not found');
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(asset)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(asset).pipe(res);
  };
}

/** The files the arguments name: each file, and every file under each directory. */
export async function listInputs(paths: readonly string[]): Promise<InputFile[]> {
  return (await Promise.all(paths.map((p) => listArgument(p)))).flat();
}

/** Starts the server on 127.0.0.1:<free port> for these files and returns its URLs. */
export async function startOpenServer(
  files: readonly InputFile[],
  distDir = join(REPO_ROOT, 'dist'),
): Promise<OpenServer> {
  const token = randomBytes(16).toString('hex');
  const server: Server = createServer(handler(resolve(distDir), token, files));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new CliError('could not start the local server');
  const origin = `http://127.0.0.1:${address.port}`;
  const manifestUrl = `${origin}/${token}/manifest.json`;
  return {
    url: `${origin}/#url=${encodeURIComponent(manifestUrl)}`,
    manifestUrl,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** `xdg-open` (Linux) or `open` (macOS) when present on PATH; otherwise nothing. */
function browserCommand(): string | null {
  const name = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? null : 'xdg-open';
  if (!name) return null;
  const dirs = (process.env['PATH'] ?? '').split(':').filter(Boolean);
  return dirs.map((d) => join(d, name)).find((p) => existsSync(p)) ?? null;
}

async function runOpen(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const noBrowser = args.includes('--no-browser');
  const paths = args.filter((a) => a !== '--no-browser');
  const unknown = paths.find((p) => p.startsWith('--'));
  if (unknown)
    throw new CliError(
      `unknown option "${unknown}"${didYouMean(unknown, ['--no-browser', '--help'])}; try 'peakscope open --help'`,
    );
  if (paths.length === 0) throw new CliError("no PATH given; try 'peakscope open --help'");
  const files = await listInputs(paths);
  const distDir = join(REPO_ROOT, 'dist');
  await ensureDist(distDir, io);
  const server = await startOpenServer(files, distDir);
  io.stdout(
    `peakscope: serving ${paths.map((p) => relative(process.cwd(), resolve(p)) || '.').join(', ')} at\n${server.url}\n(Ctrl+C stops it)\n`,
  );
  const browser = noBrowser ? null : browserCommand();
  if (browser)
    spawn(browser, [server.url], { stdio: 'ignore', detached: true })
      .on('error', () => {})
      .unref();
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** The `open` entry of the dispatch table. */
export const openCommand: Command = {
  summary: 'serve the viewer on 127.0.0.1 with these files loaded and open the browser',
  usage: USAGE,
  run: runOpen,
};
