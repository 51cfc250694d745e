import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { strToU8, zipSync } from 'fflate';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { exportHsdsJson, exportHsdsPackage, organizationsFor } from '@shared/hsds/export';
import { exportFileName } from '@shared/files';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { saveFile } from '../../files';
import { useDirectory } from './context';

type Scope = 'all' | 'shown';
type Format = 'json' | 'zip';

/**
 * HSDS export of the whole directory or of the results on screen. The shared exporters leave out the
 * address of every organization that runs a confidential-address service, in both formats.
 */
export function ExportDialog({ opened, onClose, shown }: { opened: boolean; onClose: () => void; shown: DirectoryEntry[] | null }) {
  const { t } = useTranslation('directory');
  const { directory } = useDirectory();
  const [scope, setScope] = useState<Scope>('all');
  const [format, setFormat] = useState<Format>('json');
  const entries = scope === 'shown' && shown !== null ? shown : directory.entries;

  const exporting = useAction(
    async () => {
      const input = { entries, organizations: organizationsFor(entries, directory.organizations) };
      const path =
        format === 'json'
          ? await saveFile(exportFileName('directory', 'json'), 'json', exportHsdsJson(input))
          : await saveFile(
              exportFileName('directory', 'zip'),
              'zip',
              zipSync(Object.fromEntries(Object.entries(exportHsdsPackage(input)).map(([name, text]) => [name, strToU8(text)]))),
            );
      if (path !== null) return t('export.saved', { path });
    },
    () => t('export.failed'),
  );

  const close = () => {
    exporting.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('export.title')} closeButtonProps={{ 'aria-label': t('export.close') }}>
      <Stack gap="md">
        <Text size="sm">{t('export.intro')}</Text>
        <Radio.Group label={t('export.scope')} value={scope} onChange={(value) => setScope(value as Scope)}>
          <Stack gap="xs" mt="xs">
            <Radio value="all" label={t('export.scopeAll', { count: directory.entries.length })} />
            <Radio value="shown" label={t('export.scopeShown', { count: shown?.length ?? 0 })} disabled={shown === null} />
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('export.format')} value={format} onChange={(value) => setFormat(value as Format)}>
          <Stack gap="xs" mt="xs">
            <Radio value="json" label={t('export.formatJson')} />
            <Radio value="zip" label={t('export.formatPackage')} />
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('export.confidential')}
        </Text>
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('export.notEncryptedTitle')}>
          {t('export.notEncrypted')}
        </Alert>
        <OutcomeAlert outcome={exporting.outcome} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('export.close')}
          </Button>
          <Button onClick={() => void exporting.run()} loading={exporting.busy} disabled={entries.length === 0}>
            {t('export.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
