import { IconFolders } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../../components/EmptyPage';

export default function CasesPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      title={t('cases.title')}
      emptyTitle={t('cases.emptyTitle')}
      emptyBody={t('cases.emptyBody')}
      icon={<IconFolders size={48} stroke={1.2} aria-hidden />}
    />
  );
}
