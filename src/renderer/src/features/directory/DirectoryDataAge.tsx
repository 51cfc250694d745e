import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '@shared/hsds/directory';
import { DataAgeNote } from '../../components/DataAgeNote';
import { loadShippedDirectory } from './data';
import type { Labels } from './labels';

/** The directory home page's note on when the shipped directory was built and from what. */
export function DirectoryDataAge({ labels }: { labels: Labels }) {
  const { t } = useTranslation('directory');
  const [shipped, setShipped] = useState<Pick<Directory, 'generatedAt' | 'referenceDate'> | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Already loaded by the page (the promise is kept), so this only reads it.
    loadShippedDirectory().then(
      (directory) => !cancelled && setShipped(directory),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (shipped === null) return null;
  const built = t('dataAge.built', { built: labels.date(shipped.generatedAt), reference: labels.date(shipped.referenceDate ?? shipped.generatedAt) });
  return <DataAgeNote builtOn={shipped.generatedAt} built={built} stale={t('dataAge.stale')} />;
}
