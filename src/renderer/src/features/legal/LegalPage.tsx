import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../../components/EmptyPage';

export default function LegalPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      title={t('legal.title')}
      emptyTitle={t('legal.emptyTitle')}
      emptyBody={t('legal.emptyBody')}
      icon={<IconScale size={48} stroke={1.2} aria-hidden />}
    />
  );
}
