// Light, dark or the system's choice (prefers-color-scheme): a picker in the header, kept in
// localStorage. The resolved theme goes on <html data-theme>, which theme.css reads; the
// flamegraph keeps its palette (dark labels on mid-tone fills read on both backgrounds).
// Every colour is a variable of theme.css: light by default, dark as one block of variables.
import './theme.css';

import { resolveTheme, storedTheme, THEME_STORAGE_KEY, THEMES, type ThemeChoice } from './theme-choice.ts';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Applies the stored theme now and wires the header picker and the system setting. */
export function wireTheme(picker: HTMLSelectElement): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  let choice = storedTheme(safeStorage());
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(choice, dark.matches);
    document.documentElement.dataset.themeChoice = choice;
    picker.value = choice;
  };
  picker.addEventListener('change', () => {
    choice = (THEMES as readonly string[]).includes(picker.value) ? (picker.value as ThemeChoice) : 'system';
    try {
      safeStorage()?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Not persisted when storage is blocked; the page still switches.
    }
    apply();
  });
  dark.addEventListener('change', apply);
  apply();
}
