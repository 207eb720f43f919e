// The colour legend of the flamegraph: a swatch and a key per colour, heaviest first.
import { formatValue, type MetricUnit } from '../model/units.ts';
import type { LegendEntry } from './frame-colors.ts';

export function renderLegend(
  host: HTMLElement,
  title: string,
  entries: readonly LegendEntry[],
  unit: MetricUnit,
): void {
  const head = document.createElement('span');
  head.textContent = `${title}:`;
  host.replaceChildren(
    head,
    ...entries.map((e) => {
      const item = document.createElement('span');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = e.color;
      item.append(swatch, document.createTextNode(`${e.key} ${formatValue(e.weight, unit)}`));
      return item;
    }),
  );
}
