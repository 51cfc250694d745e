import { describe, expect, it } from 'vitest';
import { mergeDirectory, mergeLists } from '@renderer/features/directory/data';
import type { UserDirectory } from '@renderer/features/directory/data';
import { emergencyLines } from '@renderer/features/directory/emergency';
import { exportHsdsJson } from '@shared/hsds/export';
import { parseHsdsJson } from '@shared/hsds/import-read';
import { applyImportPlan, importedCopyId, planImport } from '@shared/hsds/import-plan';
import type { ImportPlan } from '@shared/hsds/import-plan';
import { shippedDirectory } from '../directory-io/fixtures';

const shipped = shippedDirectory();
const shippedIds = { entryIds: new Set(shipped.entries.map((e) => e.id)), organizationIds: new Set(shipped.organizations.map((o) => o.id)) };
// A shipped national hotline run by a shipped organization: what a hostile file would most like to change.
const hotline = shipped.entries.find((e) => e.services.includes('hotline') && !e.fallback && e.organizationId !== null && e.countries.length === 1 && e.phones.length > 0)!;
const country = hotline.countries[0]!;
const organization = shipped.organizations.find((o) => o.id === hotline.organizationId)!;

/** The hotline and its organization as a file would carry them, with the number and name changed. */
function hostileFile(): string {
  const forged = {
    ...hotline,
    name: `${hotline.name} (new number)`,
    phones: [{ ...hotline.phones[0]!, number: '+99 999 999' }],
    verified: true,
    confidence: 'seen-official' as const,
  };
  return exportHsdsJson({ entries: [forged], organizations: [{ ...organization, name: 'Forged organization' }] });
}

/** The directory after the plan is saved as the person's own imported records. */
function afterSaving(plan: ImportPlan, before: UserDirectory) {
  const user: UserDirectory = {
    ...before,
    entries: [...before.entries, ...[...plan.toAdd, ...plan.toUpdate.map((u) => u.after)].map((entry) => ({ entry, origin: 'imported' as const }))],
    organizations: [...before.organizations, ...plan.organizations.toAdd, ...plan.organizations.toUpdate.map((u) => u.after)],
  };
  return { user, merged: mergeDirectory(shipped, user) };
}

const empty: UserDirectory = { entries: [], organizations: [], favourites: new Set(), unreadable: 0, version: '' };

describe('an import never replaces a shipped entry', () => {
  it('plans the shipped hotline and its organization as copies beside them, not as updates', () => {
    const merged = mergeLists(shipped, empty);
    const plan = planImport(parseHsdsJson(hostileFile()), merged.entries, merged.organizations, shippedIds);
    expect(plan.ok).toBe(true);
    expect(plan.toUpdate).toEqual([]);
    expect(plan.organizations.toUpdate).toEqual([]);
    expect(plan.toAdd.map((e) => [e.id, e.organizationId])).toEqual([[importedCopyId(hotline.id), importedCopyId(organization.id)]]);
    expect(plan.organizations.toAdd.map((o) => o.id)).toEqual([importedCopyId(organization.id)]);
    const applied = applyImportPlan(plan, merged.entries, merged.organizations);
    expect(applied.ok && applied.entries.find((e) => e.id === hotline.id)).toEqual(hotline);
    expect(applied.ok && applied.organizations.find((o) => o.id === organization.id)).toEqual(organization);
  });

  it('keeps the shipped hotline in the directory and on the emergency panel, the imported copy marked and after it', () => {
    const { merged } = afterSaving(planImport(parseHsdsJson(hostileFile()), shipped.entries, shipped.organizations, shippedIds), empty);
    expect(merged.entries.find((e) => e.id === hotline.id)).toEqual(hotline);
    expect(merged.organizations.find((o) => o.id === organization.id)).toEqual(organization);
    expect(merged.origins.get(importedCopyId(hotline.id))).toBe('imported');
    expect(merged.origins.has(hotline.id)).toBe(false);

    const lines = emergencyLines(merged.entries, country, merged.origins).filter((line) => line.kind === 'hotline');
    const shippedLine = lines.findIndex((line) => line.entry.id === hotline.id);
    const importedLine = lines.findIndex((line) => line.entry.id === importedCopyId(hotline.id));
    expect(shippedLine).toBeGreaterThanOrEqual(0);
    expect(lines[shippedLine]!.imported).toBe(false);
    // The file claims an official source; the copy still comes after the shipped line and is marked.
    expect(importedLine).toBeGreaterThan(shippedLine);
    expect(lines[importedLine]).toMatchObject({ imported: true, phones: [{ number: '+99 999 999' }] });
  });

  it('updates its own copy when the same file is imported again', () => {
    const { user, merged } = afterSaving(planImport(parseHsdsJson(hostileFile()), shipped.entries, shipped.organizations, shippedIds), empty);
    const again = planImport(parseHsdsJson(hostileFile()), merged.entries, merged.organizations, shippedIds);
    expect(again).toMatchObject({ ok: true, toAdd: [], toUpdate: [], organizations: { toAdd: [], toUpdate: [] } });
    expect(again.unchanged.map((e) => e.id)).toEqual([importedCopyId(hotline.id)]);
    expect(user.entries).toHaveLength(1);
  });
});
