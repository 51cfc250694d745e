import { describe, expect, it } from 'vitest';
import { lintAs } from '../../support/lint-text';

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  return (await lintAs(path, code)).map((message) => message.ruleId ?? message.message);
}

// The first lint loads the whole config (typescript-eslint, React rules): seconds on a busy machine.
describe('feature skeleton lint rules', { timeout: 60_000 }, () => {
  it('let only a feature’s api.ts (and bridge.ts, files.ts) call window.waypoint', async () => {
    const call = 'export const status = () => window.waypoint.vault.status();\n';
    expect(await rulesBroken('src/renderer/src/features/vault/UnlockScreen.tsx', call)).toContain('no-restricted-properties');
    expect(await rulesBroken('src/renderer/src/app/SettingsProvider.tsx', call)).toContain('no-restricted-properties');
    expect(await rulesBroken('src/renderer/src/features/vault/api.ts', call)).toEqual([]);
    expect(await rulesBroken('src/renderer/src/files.ts', call)).toEqual([]);
  });

  it('let a feature and the app import another feature only through its index.ts', async () => {
    const deep = (path: string) => `import { useVault } from '${path}';\nexport const use = useVault;\n`;
    expect(await rulesBroken('src/renderer/src/features/cases/repository.ts', deep('../vault/VaultContext'))).toContain('no-restricted-imports');
    expect(await rulesBroken('src/renderer/src/features/legal/pages/CountryPage.tsx', deep('../../vault/VaultContext'))).toContain('no-restricted-imports');
    expect(await rulesBroken('src/renderer/src/app/Shell.tsx', deep('../features/vault/VaultContext'))).toContain('no-restricted-imports');
    expect(await rulesBroken('src/renderer/src/features/cases/repository.ts', deep('../vault'))).toEqual([]);
    expect(await rulesBroken('src/renderer/src/app/Shell.tsx', deep('../features/vault'))).toEqual([]);
    // A feature's own subfolders and the shared renderer folders stay open.
    expect(await rulesBroken('src/renderer/src/features/legal/pages/CountryPage.tsx', deep('../LegalParts'))).toEqual([]);
    expect(await rulesBroken('src/renderer/src/features/cases/repository.ts', deep('../../components/use-action'))).toEqual([]);
  });
});
