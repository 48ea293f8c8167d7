import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons and badges use shade 8: white text on it is 4.5:1 or more for red, blue, indigo,
  // grape…; the light ones (green, teal, cyan, orange, yellow, lime) get dark text instead
  // (autoContrast at luminance 0.19: cyan.8 4.8:1 dark, red.8 4.5:1 white).
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.19,
  defaultRadius: 'sm',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", Meiryo, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    // Badges are short labels: never squeeze them into an ellipsis inside table cells.
    Badge: { defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content' } } },
  },
});

/**
 * Contrast is fixed here, once, not per page (WCAG AA: 4.5:1 for the small text the admin shows):
 * - dimmed text and placeholders (Mantine's gray.6, 3.3:1 on white) become gray.7 (7:1 on white,
 *   6.4:1 on the page's gray.0);
 * - "light" badges and alerts (Mantine: shade 9 on shade 1, e.g. green 3.8:1, teal 4.3:1, yellow
 *   2.9:1) get their colour's lightest shade behind shade 9 darkened by a quarter (at least 4.8:1
 *   for every default colour).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    light[`--mantine-color-${name}-light`] = `var(--mantine-color-${name}-0)`;
    light[`--mantine-color-${name}-light-hover`] = `var(--mantine-color-${name}-1)`;
    light[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.25);
  }
  return { variables: {}, light, dark: {} };
};
