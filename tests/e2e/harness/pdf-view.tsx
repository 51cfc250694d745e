// A page that shows PdfView alone, for tests/e2e/attachment-viewers.spec.ts, until the case page's
// attachments mount it. Built by that test into a folder of its own, never into the app.
import '@mantine/core/styles.css';
import '@renderer/app/global.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { cssVariablesResolver, theme } from '@renderer/app/theme';
import { PdfView } from '@renderer/features/attachments/viewers/PdfView';
import { applyLanguage } from '@renderer/i18n';
import type { Language } from '@shared/languages';

declare global {
  interface Window {
    showPdf?: (bytes: number[], language: Language) => Promise<void>;
  }
}

function Harness() {
  const [data, setData] = useState<Uint8Array | null>(null);
  useEffect(() => {
    window.showPdf = async (bytes, language) => {
      await applyLanguage(language);
      setData(new Uint8Array(bytes));
    };
  }, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {data && <Suspense fallback={null}>{<PdfView data={data} />}</Suspense>}
    </MantineProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
