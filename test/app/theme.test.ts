import { describe, expect, it } from 'vitest';
import { resolveTheme, storedTheme, THEME_STORAGE_KEY } from '../../src/app/theme-choice.ts';

const storage = (value: string | null) => ({ getItem: (key: string) => (key === THEME_STORAGE_KEY ? value : null) });

describe('theme', () => {
  it('reads a stored choice and treats anything else as system', () => {
    expect(storedTheme(storage('dark'))).toBe('dark');
    expect(storedTheme(storage('light'))).toBe('light');
    for (const bad of [null, '', 'DARK', '<script>', 'system ']) expect(storedTheme(storage(bad))).toBe('system');
    expect(storedTheme(null)).toBe('system');
    expect(
      storedTheme({
        getItem: () => {
          throw new Error('blocked');
        },
      }),
    ).toBe('system');
  });

  it('follows the system only when asked to', () => {
    expect([resolveTheme('system', true), resolveTheme('system', false)]).toEqual(['dark', 'light']);
    expect([resolveTheme('light', true), resolveTheme('dark', false)]).toEqual(['light', 'dark']);
  });
});
