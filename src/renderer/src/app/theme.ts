import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// One calm accent colour; system fonts only, so nothing is fetched.
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 7 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  defaultRadius: 'md',
});

// Mantine's default dimmed grey falls below WCAG AA contrast on white; a darker grey keeps hints readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
