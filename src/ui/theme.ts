// Theme colours for the widgets that do not read CSS themselves (xterm,
// Monaco): taken from the CSS variables of the active theme.

import type { ITheme } from '@xterm/xterm';

function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/**
 * A colour as #rrggbb, which Monaco's token theme insists on. The CSS minifier
 * shortens #ffffff to #fff, so short forms are expanded; anything that is not
 * hex gives the fallback.
 */
export function toHex6(value: string, fallback: string): string {
  const v = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])[0-9a-f]?$/.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const long = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/.exec(v);
  return long ? `#${long[1]}` : fallback;
}

export function applyThemeAttribute(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
}

export function terminalTheme(theme: 'light' | 'dark'): ITheme {
  const dark = theme === 'dark';
  return {
    background: cssVar('--term-bg', dark ? '#11161c' : '#ffffff'),
    foreground: cssVar('--term-fg', dark ? '#dde4ec' : '#1b2430'),
    cursor: cssVar('--term-cursor', '#326ce5'),
    cursorAccent: cssVar('--term-bg', dark ? '#11161c' : '#ffffff'),
    selectionBackground: cssVar('--term-selection', '#c5d6f7'),
    // ANSI colours tuned for contrast on each background.
    ...(dark
      ? {
          black: '#1b232d', red: '#f06262', green: '#3fbf74', yellow: '#e0a526', blue: '#5b8def', magenta: '#c678dd', cyan: '#3fb8c9', white: '#dde4ec',
          brightBlack: '#5d6a79', brightRed: '#ff8585', brightGreen: '#6ee29a', brightYellow: '#ffd166', brightBlue: '#8fb3ff', brightMagenta: '#e0a3f0', brightCyan: '#7fdbe8', brightWhite: '#ffffff',
        }
      : {
          black: '#1b2430', red: '#c62828', green: '#1e7d45', yellow: '#9a6700', blue: '#2455c3', magenta: '#8e3fb0', cyan: '#0f7c8c', white: '#d5dbe3',
          brightBlack: '#5b6878', brightRed: '#e04848', brightGreen: '#2a9d5c', brightYellow: '#b77900', brightBlue: '#326ce5', brightMagenta: '#a652cc', brightCyan: '#1497a8', brightWhite: '#ffffff',
        }),
  };
}

export interface EditorColors {
  background: string;
  foreground: string;
  lineHighlight: string;
}

export function editorColors(theme: 'light' | 'dark'): EditorColors {
  const dark = theme === 'dark';
  const color = (name: string, fallback: string) => toHex6(cssVar(name, fallback), fallback);
  return {
    background: color('--editor-bg', dark ? '#11161c' : '#ffffff'),
    foreground: color('--editor-fg', dark ? '#dde4ec' : '#1b2430'),
    lineHighlight: color('--editor-line', dark ? '#18202a' : '#f2f5f9'),
  };
}
