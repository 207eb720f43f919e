// The bundled real samples: `samples/index.json` (written by tools/samples-plugin.ts) lists
// each case before and after; the gallery links to their manifests, and the page opens with
// the default one when no `#url=` is given.
import type { Loading } from './loading.ts';
import type { AppState } from './store.ts';

/** The shape of `samples/index.json`. */
export interface SampleIndex {
  default: string | null;
  samples: { id: string; title: string; description: string; variant: string; manifest: string; files: number }[];
}

const INDEX_URL = './samples/index.json';
let index: Promise<SampleIndex | null> | null = null;

export function sampleIndex(): Promise<SampleIndex | null> {
  index ??= fetch(INDEX_URL)
    .then((r) => (r.ok ? (r.json() as Promise<SampleIndex>) : null))
    .catch(() => null);
  return index;
}

/** Loads the default sample (the guide's first cause, before the fix). */
export async function loadDefaultSample(loading: Loading): Promise<void> {
  const idx = await sampleIndex();
  const first = idx?.samples.find((s) => s.id === idx.default) ?? idx?.samples[0];
  if (first) await loading.url(new URL(first.manifest, new URL(INDEX_URL, location.href)).href, true);
}

/** The gallery tab: one card per case with its before/after links. */
export function wireGallery(host: HTMLElement, open: (url: string) => void): (state: AppState) => void {
  let drawn = false;
  return (state) => {
    if (drawn || state.view.tab !== 'samples') return;
    drawn = true;
    host.textContent = 'Loading the sample list…';
    void sampleIndex().then((idx) => {
      if (!idx || idx.samples.length === 0) {
        host.textContent = 'No samples are bundled with this build.';
        return;
      }
      const cases = new Map<string, SampleIndex['samples']>();
      for (const s of idx.samples) cases.set(s.title, [...(cases.get(s.title) ?? []), s]);
      host.replaceChildren(
        ...[...cases].map(([title, variants]) => {
          const card = document.createElement('div');
          card.className = 'gallery-item';
          const h = document.createElement('h3');
          h.textContent = title;
          const p = document.createElement('p');
          p.textContent = variants[0]!.description;
          card.append(h, p);
          for (const v of variants) {
            const a = document.createElement('a');
            const url = new URL(v.manifest, new URL(INDEX_URL, location.href)).href;
            a.href = `#url=${encodeURIComponent(url)}`;
            a.textContent = `${v.variant} (${v.files} files)`;
            a.addEventListener('click', (event) => {
              event.preventDefault();
              open(url);
            });
            card.append(a);
          }
          return card;
        }),
      );
    });
  };
}
