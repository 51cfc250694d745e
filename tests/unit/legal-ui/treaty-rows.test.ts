import { describe, expect, it } from 'vitest';
import { treatyRowView } from '@renderer/features/legal/view';

const row = { status: 'party' as const, asOf: '2014-01-27', checked: null, notConfirmedSince: null };

describe('treatyRowView: a status is never shown as newer than its source', () => {
  it('a row a check could not re-confirm says since when, and shows no check date', () => {
    expect(treatyRowView({ ...row, checked: '2026-12-07', notConfirmedSince: '2014' })).toEqual({ notConfirmedSince: '2014', dated: false, checked: null });
  });

  it('"signed, not ratified" only where a source after 2020 says so', () => {
    expect(treatyRowView({ ...row, status: 'signatory' }).dated).toBe(true);
    expect(treatyRowView({ ...row, status: 'signatory', asOf: '2020-12-31' }).dated).toBe(true);
    expect(treatyRowView({ ...row, status: 'signatory', asOf: '2022-06-13' }).dated).toBe(false);
    expect(treatyRowView({ ...row, status: 'signatory', checked: '2026-12-07' }).dated).toBe(false);
    // Checked, but not re-confirmed: still only "signed by the date shown".
    expect(treatyRowView({ ...row, status: 'signatory', checked: '2026-12-07', notConfirmedSince: '2014' }).dated).toBe(true);
  });

  it('nor "not a party" from an old or undated source', () => {
    expect(treatyRowView({ ...row, status: 'not-party', asOf: null }).dated).toBe(true);
  });

  it('a party row is shown as party, with its check date where it was confirmed', () => {
    expect(treatyRowView(row)).toEqual({ notConfirmedSince: null, dated: false, checked: null });
    expect(treatyRowView({ ...row, asOf: '2017-07-12', checked: '2026-12-07' })).toEqual({ notConfirmedSince: null, dated: false, checked: '2026-12-07' });
  });
});
