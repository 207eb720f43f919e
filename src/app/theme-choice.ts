// The theme a user chose (light, dark or the system's) and how it resolves: plain data, shared by
// the app's picker (theme.ts) and the preboot script, which applies it before the page is first
// drawn (tools/worker-preboot-plugin.ts).

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'peakscope.theme';

/** The stored choice; anything else (missing, tampered, storage blocked) is 'system'. */
export function storedTheme(storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
  let value: string | null;
  try {
    value = storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    value = null; // storage can throw when the browser blocks it
  }
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as ThemeChoice) : 'system';
}

/** 'light' or 'dark' for a choice, given whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}
