import { useMemo, useState } from 'react';
import { Anchor, Card, List, NumberInput, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryCodes } from '@shared/countries';
import { bundledLicences } from '@shared/licences';
import { languages, type Language } from '@shared/languages';
import type { SettingsPatch } from '@shared/settings';
import { useSettings } from '../../app/SettingsProvider';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import type { Outcome } from '../../components/use-action';
import { languageNames } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { BackupPanel } from '../backup';
import { GuideLauncher } from '../guide';
import { SecuritySettings } from '../vault';

export default function SettingsPage() {
  const { t, i18n } = useTranslation('settings');
  const { t: tShared } = useTranslation();
  const { settings, appInfo, updateSettings } = useSettings();
  const [status, setStatus] = useState<Outcome | null>(null);

  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    return countryCodes.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [i18n.language]);

  // Each change saves at once and on its own (not one busy action: a second change must not wait for the first).
  async function save(patch: SettingsPatch) {
    try {
      await updateSettings(patch);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (error) {
      setStatus({ kind: 'error', title: tShared('errors.title'), text: errorMessage(tShared, error) });
    }
  }

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} tabIndex={-1}>
        {t('title')}
      </Title>
      <Card withBorder padding="lg" component="section" aria-labelledby="settings-general">
        <Stack>
          <Title order={2} size="h3" id="settings-general">
            {t('general')}
          </Title>
          <Select
            label={t('language')}
            data={languages.map((code) => ({ value: code, label: languageNames[code] }))}
            value={settings.language}
            allowDeselect={false}
            onChange={(value) => value && void save({ language: value as Language })}
          />
          <NumberInput
            label={t('autoLock')}
            description={t('autoLockHelp')}
            min={1}
            max={240}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            defaultValue={settings.autoLockMinutes}
            onBlur={(event) => {
              const minutes = Number(event.currentTarget.value);
              if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 240 && minutes !== settings.autoLockMinutes) {
                void save({ autoLockMinutes: minutes });
              }
            }}
          />
          <Select
            label={t('homeCountry')}
            description={t('homeCountryHelp')}
            placeholder={t('homeCountryNone')}
            data={countries}
            value={settings.homeCountry}
            searchable
            clearable
            onChange={(value) => void save({ homeCountry: value })}
          />
          <Switch
            label={t('notifications')}
            description={t('notificationsHelp')}
            checked={settings.systemNotifications}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              // Saved first: main grants the page's request only while the setting is on.
              void save({ systemNotifications: on }).then(() => {
                if (on && typeof Notification !== 'undefined') void Notification.requestPermission();
              });
            }}
          />
          <GuideLauncher />
          <OutcomeAlert outcome={status} />
        </Stack>
      </Card>
      <SecuritySettings />
      <BackupPanel />
      <Card withBorder padding="lg" component="section" aria-labelledby="settings-about">
        <Stack>
          <Title order={2} size="h3" id="settings-about">
            {t('about')}
          </Title>
          <Table variant="vertical" withTableBorder={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('version')}</Table.Th>
                <Table.Td>{appInfo.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('runtime')}</Table.Th>
                <Table.Td>{t(`runtimes.${appInfo.runtime}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('buildDate')}</Table.Th>
                <Table.Td>{appInfo.buildDate ?? t('developmentBuild')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('dataFolder')}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {appInfo.dataFolder}
                  <Text size="sm" c="dimmed">
                    {t(`dataFolderModes.${appInfo.dataFolderMode}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm">{t('noUpdates')}</Text>
          <Text size="sm">{t('noNetwork')}</Text>
          <Title order={3} size="h5">
            {t('licences')}
          </Title>
          <List size="sm" spacing={4}>
            {bundledLicences.map((licence) => (
              <List.Item key={licence.name}>
                <span lang="en">{licence.name}</span>:{' '}
                <Anchor href={licence.licenceUrl} target="_blank" rel="noreferrer">
                  {licence.licence}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Card>
    </Stack>
  );
}
