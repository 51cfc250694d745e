import * as mantine from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { theme } from '@renderer/app/theme';

describe('theme', () => {
  // Defaults are keyed by name without importing the component (which would load it on the first
  // screen), so a misspelt name would silently set nothing.
  it('sets defaults only on components Mantine has', () => {
    const names = Object.keys(theme.components ?? {});
    expect(names).toContain('TextInput');
    for (const name of names) expect(mantine, name).toHaveProperty(name);
  });
});
