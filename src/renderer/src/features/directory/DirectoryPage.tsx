import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../../components/EmptyPage';

export default function DirectoryPage() {
  const { t } = useTranslation();
  return (
    <EmptyPage
      title={t('directory.title')}
      emptyTitle={t('directory.emptyTitle')}
      emptyBody={t('directory.emptyBody')}
      icon={<IconAddressBook size={48} stroke={1.2} aria-hidden />}
    />
  );
}
