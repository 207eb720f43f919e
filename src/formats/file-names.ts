// Names met while walking a folder that are plainly not profiles. Formats are still told by
// content; this only keeps a package's C++ sources or a README from showing up as "unknown"
// when a whole directory is given. A file named explicitly is always parsed.

const NOT_PROFILE_EXTENSIONS = new Set([
  'md',
  'markdown',
  'rst',
  'adoc',
  'c',
  'cc',
  'cpp',
  'cxx',
  'h',
  'hh',
  'hpp',
  'hxx',
  'm',
  'mm',
  'rs',
  'go',
  'java',
  'kt',
  'scala',
  'py',
  'js',
  'mjs',
  'cjs',
  'ts',
  'tsx',
  'jsx',
  'swift',
  'cs',
  'rb',
  'php',
  'sh',
  'proto',
  'thrift',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'ico',
  'pdf',
  'lock',
  'toml',
  'yaml',
  'yml',
]);
const NOT_PROFILE_NAMES = new Set([
  'README',
  'LICENSE',
  'COPYING',
  'OWNERS',
  'CODEOWNERS',
  '.gitignore',
  '.buckconfig',
]);

/** Why a file found in a folder is not read as a profile, or null when it may be one. */
export function notAProfileReason(path: string): string | null {
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  if (NOT_PROFILE_NAMES.has(name)) return 'documentation or repository metadata';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!NOT_PROFILE_EXTENSIONS.has(extension)) return null;
  return ['md', 'markdown', 'rst', 'adoc'].includes(extension)
    ? 'documentation'
    : `a .${extension} file, not a profile`;
}
