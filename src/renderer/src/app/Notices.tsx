import { useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from './SettingsProvider';

/** Things the main process asked to tell the user once, such as a settings file that was set aside. */
export function Notices() {
  const { t } = useTranslation();
  const { appInfo } = useSettings();
  const [dismissed, setDismissed] = useState<number[]>([]);
  return appInfo.notices.map((notice, index) =>
    dismissed.includes(index) ? null : (
      <Alert key={index} color="yellow" mb="md" withCloseButton closeButtonLabel={t('notices.dismiss')} onClose={() => setDismissed((list) => [...list, index])}>
        {t(`notices.${notice.code}`, { path: notice.path ?? '' })}
      </Alert>
    ),
  );
}
