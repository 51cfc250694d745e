import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '@shared/checklists';
import { freeId, moveEntry, nextVersion, provisionHref, withKind } from '../../../src/renderer/src/features/checklists/view';

describe('checklist view helpers', () => {
  it('links a provision id with its "#" encoded', () => {
    expect(provisionHref('cets-197#art-13')).toBe('#/legal/provisions/cets-197%23art-13');
  });

  it('finds a free id, moves entries within bounds and counts versions up', () => {
    expect(freeId('item', ['item-1', 'item-3'])).toBe('item-2');
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(nextVersion(1)).toBe(2);
    expect(nextVersion('1.4.2')).toBe('1.5.0');
  });

  it('changes an item kind keeping shared fields and screening markers where allowed', () => {
    const item: ChecklistItem = { id: 'q', kind: 'yesNoUnknown', label: 'Q', legalRefs: ['cets-197#art-4'], element: 'means', indicatesChild: true };
    expect(withKind(item, 'check')).toEqual({ id: 'q', kind: 'check', label: 'Q', legalRefs: ['cets-197#art-4'], element: 'means' });
    const single = withKind(item, 'single');
    expect(single).toMatchObject({
      kind: 'single',
      options: [
        { id: 'option-1', label: '' },
        { id: 'option-2', label: '' },
      ],
    });
    expect(withKind(single, 'text')).toEqual({ id: 'q', kind: 'text', label: 'Q', legalRefs: ['cets-197#art-4'] });
  });
});
