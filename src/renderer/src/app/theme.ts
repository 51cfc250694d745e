import { createTheme, type CSSVariablesResolver, type MantineThemeComponents } from '@mantine/core';

// Mantine's teal with its two darkest shades darkened: filled buttons use shade 9 and, on hover,
// shade 8, and white text must keep 4.5:1 on both (stock teal 8 gives 4.3:1).
const accent = ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#087f5b', '#066649'] as const;

// Chromium keeps what is typed into a field without autocomplete="off" in plaintext (the profile's
// autofill database, and the session files that restore form state), so every input Mantine renders
// has it off, set here once. Native <form>, <input>, <textarea> and <select> elements must say it
// themselves: a lint rule checks that, and tests/e2e/autocomplete.spec.ts checks every page.
// Entries are plain objects by component name, not `Component.extend(...)`: importing a component to
// extend it puts it in the first screen's bundle, used or not (ColorInput, JsonInput, PinInput ...).
// tests/unit/app/theme.test.ts checks that each name is a Mantine component.
const noAutocomplete = { defaultProps: { autoComplete: 'off' } };

const components: MantineThemeComponents = {
  // A dialog's header is a plain block: a <header> counts as the page's banner to screen readers
  // and axe, and the page already has one.
  ModalHeader: { defaultProps: { component: 'div' } },
  Autocomplete: noAutocomplete,
  Checkbox: noAutocomplete,
  Chip: noAutocomplete,
  ColorInput: noAutocomplete,
  // A file input's state is the chosen file's path, which Chromium's session files would keep.
  FileButton: { defaultProps: { inputProps: { autoComplete: 'off' } } },
  FileInput: noAutocomplete,
  Input: noAutocomplete,
  InputBase: noAutocomplete,
  JsonInput: noAutocomplete,
  MultiSelect: noAutocomplete,
  NativeSelect: noAutocomplete,
  NumberInput: noAutocomplete,
  PasswordInput: noAutocomplete,
  PillsInputField: noAutocomplete,
  PinInput: noAutocomplete,
  Radio: noAutocomplete,
  // Its radio inputs take no props of their own: Mantine's attributes reach them.
  SegmentedControl: { defaultProps: { attributes: { input: { autoComplete: 'off' } } } },
  Select: noAutocomplete,
  Switch: noAutocomplete,
  TagsInput: noAutocomplete,
  Textarea: noAutocomplete,
  TextInput: noAutocomplete,
};

// One calm accent colour; system fonts only, so nothing is fetched.
export const theme = createTheme({
  colors: { teal: accent },
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 7 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  defaultRadius: 'md',
  components,
});

// Mantine's default dimmed grey falls below WCAG AA contrast on white; a darker grey keeps hints readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
