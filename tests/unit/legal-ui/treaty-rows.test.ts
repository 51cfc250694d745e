import { describe, expect, it } from 'vitest';
import { treatyRowView } from '@renderer/features/legal/view';

const row = { status: 'party' as const, asOf: '2014-01-27', checked: null, notConfirmedSince: null };

describe('treatyRowView: a status is never shown as newer than its source', () => {
  it('a row a check could not re-confirm says since when', () => {
    expect(treatyRowView({ ...row, checked: '2026-12-07', notConfirmedSince: '2014' })).toEqual({ kind: 'notConfirmed', since: '2014' });
  });

  it('"signed, not ratified" only where a source after 2020 says so', () => {
    expect(treatyRowView({ ...row, status: 'signatory' })).toEqual({ kind: 'dated', asOf: '2014-01-27' });
    expect(treatyRowView({ ...row, status: 'signatory', asOf: '2020-12-31' })).toEqual({ kind: 'dated', asOf: '2020-12-31' });
    expect(treatyRowView({ ...row, status: 'signatory', asOf: '2022-06-13' })).toEqual({ kind: 'current', checked: null });
    expect(treatyRowView({ ...row, status: 'signatory', asOf: '2014-01-27', checked: '2026-12-07' })).toEqual({ kind: 'current', checked: '2026-12-07' });
  });

  it('nor "not a party" from an old or undated source', () => {
    expect(treatyRowView({ ...row, status: 'not-party', asOf: null })).toEqual({ kind: 'dated', asOf: null });
  });

  it('a party row is current, with its check date where it was checked', () => {
    expect(treatyRowView(row)).toEqual({ kind: 'current', checked: null });
    expect(treatyRowView({ ...row, asOf: '2017-07-12', checked: '2026-12-07' })).toEqual({ kind: 'current', checked: '2026-12-07' });
  });
});
