import { describe, expect, it } from 'vitest';
import { fitZoom } from '@renderer/features/attachments/viewers/PdfView';

// A PDF point is 1/72 inch and a CSS pixel 1/96: an A4 page (595 pt) is 794 px wide at its printed size.
const a4 = (595 * 96) / 72;
const a6 = (298 * 96) / 72;

describe('the zoom a PDF opens at', () => {
  it('shows an A4 page whole in a view narrower than it, at the largest whole percent that fits', () => {
    expect(fitZoom(740, a4)).toBe(0.93);
    expect(fitZoom(740, a4) * a4).toBeLessThanOrEqual(740);
    expect((fitZoom(740, a4) + 0.01) * a4).toBeGreaterThan(740);
  });

  it('keeps a page narrower than the view at its printed size, never enlarged', () => {
    expect(fitZoom(740, a6)).toBe(1);
    expect(fitZoom(a4, a4)).toBe(1);
  });

  it('never goes below the lowest zoom level, however narrow the view', () => {
    expect(fitZoom(100, a4)).toBe(0.5);
    expect(fitZoom(0, a4)).toBe(0.5);
  });
});
