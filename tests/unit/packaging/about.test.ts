import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLicences } from '../../../src/shared/licences';
import { dateOnly, readBuildDate } from '../../../src/main/services/about';

describe('About information', () => {
  it('reads the build date electron-builder writes into the packaged package.json', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-about-'));
    await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'waypoint', buildDate: '2026-11-28T15:40:00.000Z' }));
    expect(readBuildDate(folder)).toBe('2026-11-28');
  });

  it('has no build date in a development run or when the file is missing or odd', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'waypoint-about-'));
    expect(readBuildDate(folder)).toBeNull();
    await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'waypoint' }));
    expect(readBuildDate(folder)).toBeNull();
    expect(dateOnly('yesterday')).toBeNull();
    expect(dateOnly('2026-13-45')).toBeNull();
  });

  it('names the licences of the bundled data and fonts, with https links', () => {
    expect(bundledLicences.map((licence) => licence.licence)).toEqual(['CC BY-SA 4.0', 'CC BY 4.0', 'SIL Open Font License 1.1']);
    for (const licence of bundledLicences) {
      expect(licence.licenceUrl).toMatch(/^https:\/\//);
      expect(licence.sourceUrl).toMatch(/^https:\/\//);
    }
  });
});
