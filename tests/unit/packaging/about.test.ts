import { describe, expect, it } from 'vitest';
import { aboutInfo } from '../../../src/main/services/about';

describe('aboutInfo', () => {
  const info = aboutInfo({ version: '1.2.3', buildDate: '2026-11-28T15:40:00.000Z', dataFolder: '/home/person/.config/Waypoint', mode: 'normal' });

  it('shows the version, the build date and the data folder', () => {
    expect(info).toMatchObject({ name: 'Waypoint', version: '1.2.3', buildDate: '2026-11-28', dataFolder: '/home/person/.config/Waypoint', dataFolderMode: 'normal' });
  });

  it('says which mode the data folder is in', () => {
    expect(aboutInfo({ version: '1', dataFolder: '/x', mode: 'portable' }).dataFolderNote).toMatch(/portable/i);
    expect(aboutInfo({ version: '1', dataFolder: '/x', mode: 'override' }).dataFolderNote).toContain('WAYPOINT_DATA_DIR');
    expect(info.dataFolderNote).toMatch(/user profile/);
  });

  it('reads an unknown or malformed build date as unknown', () => {
    expect(aboutInfo({ version: '1', dataFolder: '/x', mode: 'normal' }).buildDate).toBe('unknown');
    expect(aboutInfo({ version: '1', buildDate: 'yesterday', dataFolder: '/x', mode: 'normal' }).buildDate).toBe('unknown');
    expect(aboutInfo({ version: '1', buildDate: '2026-13-45', dataFolder: '/x', mode: 'normal' }).buildDate).toBe('unknown');
  });

  it('names the licences of the bundled data and fonts, with links', () => {
    const byLicence = Object.fromEntries(info.licences.map((licence) => [licence.licence, licence]));
    expect(byLicence['CC BY-SA 4.0']?.name).toMatch(/HSDS/);
    expect(byLicence['CC BY 4.0']?.name).toMatch(/HTCDS/);
    expect(byLicence['SIL Open Font License 1.1']?.name).toMatch(/Noto/);
    for (const licence of info.licences) {
      expect(licence.licenceUrl).toMatch(/^https:\/\//);
      expect(licence.sourceUrl).toMatch(/^https:\/\//);
    }
  });

  it('says there are no automatic updates and no network requests', () => {
    expect(info.updates).toMatch(/does not update itself/);
    expect(info.network).toMatch(/no network request/);
  });
});
