import { Alert, Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Zoom levels the buttons step through; 1 is the page's printed size. */
const zoomLevels = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** A PDF point is 1/72 inch, a CSS pixel 1/96. */
const cssPixelsPerPoint = 96 / 72;
/** The most pixels a page's canvas gets (64 MB of RGBA), whatever the zoom and the screen's density. */
const maxCanvasPixels = 4096 * 4096;

type Loaded = { data: Uint8Array } & ({ kind: 'ready'; pdf: PDFDocumentProxy } | { kind: 'failed'; reason: 'password' | 'unreadable' });

/**
 * Shows a PDF inside the app, one page at a time on a canvas, at its printed size or, when that is wider than
 * the view (an A4 page is), at the view's width; with page and zoom buttons; the arrow keys
 * (in the reading direction) change the page and + and - zoom while the page has the focus. pdf.js loads
 * on first use. Nothing of the PDF is live: no links, forms or scripts.
 */
export function PdfView({ data }: { data: Uint8Array }) {
  const { t } = useTranslation('attachments');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [page, setPage] = useState(1);
  // 'fit': the printed size, or the view's width where that is narrower (see fitZoom); else a level above.
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  /** The zoom the page is drawn at, once known (for 'fit', from the view's width). */
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  const view = useRef<HTMLDivElement>(null);
  const [renderFailed, setRenderFailed] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const keysHint = useId();

  useEffect(() => {
    let closed = false;
    const task = import('./pdfjs').then(({ loadPdf }) => loadPdf(data));
    task
      .then((loading) => loading.promise)
      .then(
        (pdf) => {
          if (closed) return;
          setPage(1);
          setRenderFailed(false);
          setLoaded({ data, kind: 'ready', pdf });
        },
        (error: unknown) => {
          if (!closed) setLoaded({ data, kind: 'failed', reason: error instanceof Error && error.name === 'PasswordException' ? 'password' : 'unreadable' });
        },
      );
    return () => {
      closed = true;
      // Ends the worker and frees the document.
      void task.then((loading) => loading.destroy());
    };
  }, [data]);

  // What belongs to an earlier `data` is not shown while the new one loads.
  const current = loaded?.data === data ? loaded : null;
  const pdf = current?.kind === 'ready' ? current.pdf : null;

  useEffect(() => {
    if (!pdf) return;
    let cancelled = false;
    let task: RenderTask | undefined;
    void pdf.getPage(page).then(
      (pdfPage) => {
        const target = canvas.current;
        const region = view.current;
        if (cancelled || !target || !region) return;
        const style = getComputedStyle(region);
        const available = region.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const factor = zoom === 'fit' ? fitZoom(available, pdfPage.getViewport({ scale: cssPixelsPerPoint }).width) : zoom;
        setDrawnAt(factor);
        const scale = factor * cssPixelsPerPoint;
        const size = pdfPage.getViewport({ scale });
        const density = Math.min(window.devicePixelRatio || 1, Math.sqrt(maxCanvasPixels / (size.width * size.height)));
        const viewport = pdfPage.getViewport({ scale: scale * density });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(size.width)}px`;
        target.style.height = `${Math.floor(size.height)}px`;
        task = pdfPage.render({ canvas: target, viewport });
        task.promise.catch((error: unknown) => {
          if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) setRenderFailed(true);
        });
      },
      () => !cancelled && setRenderFailed(true),
    );
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, zoom]);

  if (current?.kind === 'failed' || renderFailed) {
    return (
      <Alert color="red" role="alert">
        {t(current?.kind === 'failed' && current.reason === 'password' ? 'viewer.password' : 'viewer.unreadable')}
      </Alert>
    );
  }
  if (!pdf) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('viewer.loading')}</Text>
      </Group>
    );
  }

  const count = pdf.numPages;
  const goTo = (next: number) => setPage(Math.min(Math.max(next, 1), count));
  const shown = drawnAt ?? 1;
  const larger = zoomLevels.find((level) => level > shown + 0.005);
  const smaller = zoomLevels.findLast((level) => level < shown - 0.005);
  const zoomIn = () => larger !== undefined && setZoom(larger);
  const zoomOut = () => smaller !== undefined && setZoom(smaller);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const region = event.currentTarget;
    // Left and right scroll a page wider than the view; otherwise they turn pages, in the reading direction.
    const turns = region.scrollWidth <= region.clientWidth;
    const forward = getComputedStyle(region).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const actions: Record<string, () => void> = {
      ...(turns ? { [forward]: () => goTo(page + 1), [backward]: () => goTo(page - 1) } : {}),
      Home: () => goTo(1),
      End: () => goTo(count),
      '+': zoomIn,
      '=': zoomIn,
      '-': zoomOut,
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  }

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Button variant="default" size="xs" onClick={() => goTo(page - 1)} disabled={page <= 1}>
          {t('viewer.previous')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('viewer.pageOf', { page, count })}
        </Text>
        <Button variant="default" size="xs" onClick={() => goTo(page + 1)} disabled={page >= count}>
          {t('viewer.next')}
        </Button>
        <Button variant="default" size="xs" onClick={zoomOut} disabled={smaller === undefined}>
          {t('viewer.zoomOut')}
        </Button>
        <Text size="sm" aria-live="polite">
          {drawnAt !== null && t('viewer.zoomLevel', { percent: Math.round(drawnAt * 100) })}
        </Text>
        <Button variant="default" size="xs" onClick={zoomIn} disabled={larger === undefined}>
          {t('viewer.zoomIn')}
        </Button>
        <Button variant="default" size="xs" onClick={() => setZoom('fit')} disabled={zoom === 'fit'}>
          {t('viewer.fit')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" id={keysHint}>
        {t('viewer.keys')}
      </Text>
      <Box
        ref={view}
        tabIndex={0}
        role="region"
        aria-label={t('viewer.document')}
        aria-describedby={keysHint}
        onKeyDown={onKeyDown}
        style={{ overflow: 'auto', maxHeight: '75vh', padding: 'var(--mantine-spacing-sm)', background: 'var(--mantine-color-gray-2)' }}
      >
        {/* The page is drawn left to right whatever the interface's direction: an inherited rtl would mirror its text runs. */}
        <canvas
          ref={canvas}
          dir="ltr"
          role="img"
          aria-label={t('viewer.pageOf', { page, count })}
          style={{ display: 'block', margin: '0 auto', background: 'white', boxShadow: 'var(--mantine-shadow-sm)' }}
        />
      </Box>
    </Stack>
  );
}

/**
 * The zoom a page opens at: its printed size (1), or less when a page `pageWidth` CSS pixels wide at that size
 * would be wider than the `available` width of the view, so the whole width shows; never below the lowest level.
 */
export function fitZoom(available: number, pageWidth: number): number {
  const factor = Math.floor((100 * available) / pageWidth) / 100;
  return Math.min(Math.max(factor, zoomLevels[0]!), 1);
}
