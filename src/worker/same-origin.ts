// The page reads only the URL the user named and its own origin (docs/reliability.md). fetch()
// follows redirects, so a same-origin `#url=` or manifest entry could hand the page another
// origin's bytes: the response's final URL is checked before anything of it is read.

/** Why a response cannot be read (it was redirected to another origin), or null when it can. */
export function redirectProblem(requested: string, response: Response): string | null {
  if (!response.redirected || !response.url) return null;
  const from = new URL(requested).origin;
  const to = new URL(response.url).origin;
  if (from === to) return null;
  return `${requested} redirects to another origin (${to}): not read, only the URL given and its own origin are`;
}
