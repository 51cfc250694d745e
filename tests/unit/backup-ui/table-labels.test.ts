import { describe, expect, it } from 'vitest';
import { languages } from '@shared/languages';
import { recordTables } from '@renderer/db/transfer';

const locales = import.meta.glob<{ tables: Record<string, string> }>('../../../src/renderer/src/features/backup/locales/*.json', { eager: true, import: 'default' });

describe('the backup and restore screens', () => {
  it('name every table a backup holds, in every language', () => {
    for (const language of languages) {
      const labels = locales[`../../../src/renderer/src/features/backup/locales/${language}.json`]?.tables ?? {};
      expect(
        recordTables().filter((table) => typeof labels[table] !== 'string' || labels[table] === ''),
        language,
      ).toEqual([]);
    }
  });
});
