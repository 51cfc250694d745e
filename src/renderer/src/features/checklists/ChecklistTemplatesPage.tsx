import { ExportPdfButton } from '../export';
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Code, FileButton, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  duplicateTemplate,
  maxTemplateFileChars,
  parseTemplateFile,
  serializeTemplate,
  type ChecklistTemplate,
  type TemplateFileError,
  type TemplateLanguage,
} from '@shared/checklists';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import type { Outcome } from '../../components/use-action';
import { saveFile } from '../../files';
import { useVault } from '../vault';
import classes from './checklists.module.css';
import { deleteCustomTemplate, saveCustomTemplate, shippedInLanguage, shippedKey, templateLanguageOf, useTemplateChoices, type TemplateChoices } from './data';
import { LegalRefLinks, TemplateLanguageSelect, TemplateText } from './Parts';
import { TemplateEditor } from './TemplateEditor';
import { itemCount } from './view';
import { LoadState } from '../../components/LoadState';

interface Listed {
  key: string;
  template: ChecklistTemplate;
  /** The vault record id of a custom template; null for a shipped one. */
  recordId: string | null;
  createdAt: string | null;
}

type Editing = { recordId: string | null; createdAt: string | null; draft: ChecklistTemplate };

/** The last action's outcome on the page, with the problems found in a refused file. */
type Message = { outcome: Outcome; errors?: TemplateFileError[] };
const done = (text: string): Message => ({ outcome: { kind: 'ok', text } });
const failed = (title: string, text: string, errors?: TemplateFileError[]): Message => ({ outcome: { kind: 'error', title, text }, errors });

function listedOf(choices: TemplateChoices, language: TemplateLanguage): Listed[] {
  return [
    ...shippedInLanguage(choices.shipped, language).map((template) => ({ key: shippedKey(template), template, recordId: null, createdAt: null })),
    ...choices.custom.flatMap((entry) => (entry.ok ? [{ key: `custom:${entry.id}`, template: entry.value.template, recordId: entry.id, createdAt: entry.value.createdAt }] : [])),
  ];
}

/** Shipped and custom checklist templates: preview, duplicate and edit, delete, import and export. */
export function ChecklistTemplatesPage() {
  const { t, i18n } = useTranslation('checklists');
  const { store } = useVault();
  const { state, retry } = useTemplateChoices(store);
  const [previewing, setPreviewing] = useState<ChecklistTemplate | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Listed | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [language, setLanguage] = useState(() => templateLanguageOf(i18n.language));
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!editing) headingRef.current?.focus();
  }, [editing]);

  if (editing) {
    return (
      <TemplateEditor
        initial={editing.draft}
        isNew={editing.recordId === null}
        onCancel={() => setEditing(null)}
        onSave={async (template) => {
          const recordId = editing.recordId ?? crypto.randomUUID();
          await saveCustomTemplate(store, recordId, { template, createdAt: editing.createdAt ?? new Date().toISOString() });
          setEditing(null);
          setMessage(done(t('templates.savedMessage', { title: template.title })));
        }}
      />
    );
  }

  const listed = state.status === 'ready' ? listedOf(state.value, language) : [];
  const unreadable = state.status === 'ready' ? state.value.custom.filter((entry) => !entry.ok).length : 0;

  const duplicate = (template: ChecklistTemplate) => {
    const taken = new Set(listed.map((entry) => entry.template.id));
    let n = 1;
    while (taken.has(`${template.id.slice(0, 70)}-copy-${n}`)) n += 1;
    const result = duplicateTemplate(template, `${template.id.slice(0, 70)}-copy-${n}`);
    if (result.ok) setEditing({ recordId: null, createdAt: null, draft: result.template });
    else setMessage(failed(t('templates.duplicateFailed'), t('nothingChanged'), result.errors));
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    const refuse = (errors: TemplateFileError[]) => setMessage(failed(t('templates.importFailedTitle', { name: file.name }), t('templates.importFailedBody'), errors));
    // Checked before reading, so a huge file is never loaded into memory.
    if (file.size > maxTemplateFileChars * 4) return refuse([{ path: '(file)', message: t('templates.fileTooLarge') }]);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse([{ path: '(file)', message: t('templates.fileUnreadable') }]);
    }
    const result = parseTemplateFile(text);
    if (!result.ok) return refuse(result.errors);
    const { template } = result;
    if (listed.some((entry) => entry.template.id === template.id && entry.template.version === template.version)) {
      return setMessage(failed(t('templates.alreadyListedTitle'), t('templates.alreadyListedBody', { title: template.title })));
    }
    try {
      const now = new Date().toISOString();
      await saveCustomTemplate(store, crypto.randomUUID(), { template, createdAt: now });
      setMessage(done(t('templates.imported', { title: template.title })));
    } catch (error) {
      console.error(error);
      setMessage(failed(t('templates.saveFailedTitle'), t('templates.saveFailedBody')));
    }
  };

  const exportTemplate = async (template: ChecklistTemplate) => {
    try {
      const path = await saveFile(`${template.id}-v${String(template.version)}.json`, 'json', serializeTemplate(template));
      if (path !== null) setMessage(done(t('templates.exported', { path })));
    } catch (error) {
      console.error(error);
      setMessage(failed(t('templates.exportFailedTitle'), t('templates.exportFailedBody')));
    }
  };

  return (
    <Stack gap="lg">
      <Anchor href="#/cases" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden className={classes.mirrorInRtl} />
          {t('templates.backToCases')}
        </Group>
      </Anchor>
      <Title order={1} ref={headingRef} tabIndex={-1}>
        {t('templates.title')}
      </Title>
      <Text maw="72ch">{t('templates.intro')}</Text>
      <Group align="flex-end" justify="space-between">
        <TemplateLanguageSelect label={t('templates.languageFilter')} value={language} onChange={setLanguage} />
        <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileImport size={18} aria-hidden />}>
              {t('templates.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {/* Present before anything is said in it, so a confirmation is read out. */}
      <div aria-live="polite">
        <OutcomeAlert outcome={message?.outcome ?? null} onClose={() => setMessage(null)}>
          {message?.errors && <FileErrorList errors={message.errors} />}
        </OutcomeAlert>
      </div>

      {state.status !== 'ready' ? (
        <LoadState state={state} onRetry={retry} loadingLabel={t('loading')} failedTitle={t('loadFailed.title')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" striped aria-label={t('templates.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('templates.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('templates.columns.version')}</Table.Th>
                <Table.Th scope="col">{t('templates.columns.language')}</Table.Th>
                <Table.Th scope="col">{t('templates.columns.items')}</Table.Th>
                <Table.Th scope="col">{t('templates.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {listed.map((entry) => (
                <TemplateRow
                  key={entry.key}
                  entry={entry}
                  onPreview={() => setPreviewing(entry.template)}
                  onDuplicate={() => duplicate(entry.template)}
                  onEdit={() => setEditing({ recordId: entry.recordId, createdAt: entry.createdAt, draft: entry.template })}
                  onExport={() => void exportTemplate(entry.template)}
                  onDelete={() => setDeleting(entry)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {unreadable > 0 && (
        <Alert color="orange" variant="light" title={t('templates.unreadableTitle')}>
          {t('templates.unreadableBody', { count: unreadable })}
        </Alert>
      )}

      <Modal
        opened={previewing !== null}
        onClose={() => setPreviewing(null)}
        title={t('templates.previewTitle')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}
      >
        {previewing && (
          <Stack>
            <Group justify="flex-end">
              <ExportPdfButton kind="blankChecklist" template={previewing} />
            </Group>
            <TemplatePreview template={previewing} />
          </Stack>
        )}
      </Modal>
      <DeleteModal
        entry={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(title) => {
          setDeleting(null);
          setMessage(done(t('templates.deleted', { title })));
        }}
      />
    </Stack>
  );
}

function TemplateRow({
  entry,
  onPreview,
  onDuplicate,
  onEdit,
  onExport,
  onDelete,
}: {
  entry: Listed;
  onPreview: () => void;
  onDuplicate: () => void;
  onEdit: () => void;
  onExport: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('checklists');
  const { template } = entry;
  const custom = entry.recordId !== null;
  // Buttons carry the title, so each is unambiguous out of context (screen reader lists).
  const named = (key: string) => t(key, { title: template.title });
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Text fw={600} size="sm">
            <TemplateText language={template.language}>{template.title}</TemplateText>
          </Text>
          <Group gap={4}>
            <Badge variant={custom ? 'outline' : 'light'} color={custom ? 'violet' : 'gray'} tt="none" size="sm">
              {t(custom ? 'templates.custom' : 'templates.shipped')}
            </Badge>
            {template.basedOn && (
              <Text size="xs" c="dimmed">
                {t('templates.basedOn', { id: template.basedOn.id, version: String(template.basedOn.version) })}
              </Text>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>{String(template.version)}</Table.Td>
      <Table.Td>{t(`languages.${template.language}`)}</Table.Td>
      <Table.Td>{itemCount(template)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Button size="compact-sm" variant="default" onClick={onPreview} aria-label={named('templates.previewNamed')}>
            {t('templates.preview')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onDuplicate} aria-label={named('templates.duplicateNamed')}>
            {t('templates.duplicate')}
          </Button>
          {custom && (
            <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={named('templates.editNamed')}>
              {t('templates.edit')}
            </Button>
          )}
          <Button size="compact-sm" variant="default" onClick={onExport} aria-label={named('templates.exportNamed')}>
            {t('templates.export')}
          </Button>
          {custom && (
            <Button size="compact-sm" variant="default" color="red" onClick={onDelete} aria-label={named('templates.deleteNamed')}>
              {t('templates.delete')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function FileErrorList({ errors }: { errors: TemplateFileError[] }) {
  return (
    <List size="sm" spacing={2} lang="en">
      {errors.map((error, index) => (
        <List.Item key={index}>
          <Code>{error.path}</Code> {error.message}
        </List.Item>
      ))}
    </List>
  );
}

/** Deleting a custom template; checklists already started from it keep their own copy. */
function DeleteModal({ entry, onClose, onDeleted }: { entry: Listed | null; onClose: () => void; onDeleted: (title: string) => void }) {
  const { t } = useTranslation('checklists');
  const { store } = useVault();
  return (
    <ConfirmDeleteDialog
      opened={entry !== null}
      onClose={onClose}
      title={t('templates.deleteTitle')}
      body={entry ? t('templates.deleteBody', { title: entry.template.title }) : ''}
      confirmLabel={t('templates.deleteConfirm')}
      cancelLabel={t('cancel')}
      failedText={t('templates.deleteFailed')}
      onDelete={async () => {
        if (!entry?.recordId) return;
        await deleteCustomTemplate(store, entry.recordId);
        onDeleted(entry.template.title);
      }}
    />
  );
}

/** Every section and item as written, with conditional ones marked, without answering anything. */
function TemplatePreview({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation('checklists');
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        <TemplateText language={template.language}>{template.title}</TemplateText>
      </Title>
      <Text size="sm" lang={template.language}>
        {template.description}
      </Text>
      {template.sections.map((section) => (
        <Stack key={section.id} gap="xs">
          <Title order={3} size="h4">
            <TemplateText language={template.language}>{section.title}</TemplateText>
          </Title>
          {section.condition && (
            <Text size="xs" c="dimmed">
              {t('templates.conditional')}
            </Text>
          )}
          {section.items.map((item) => (
            <Paper key={item.id} withBorder p="sm" radius="md">
              <Stack gap={4}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600} style={{ flex: 1 }}>
                    <TemplateText language={template.language}>{item.label}</TemplateText>
                  </Text>
                  <Badge variant="light" color="gray" tt="none" size="sm">
                    {t(`kinds.${item.kind}`)}
                  </Badge>
                </Group>
                {item.guidance && (
                  <Text size="sm" c="dimmed" lang={template.language}>
                    {item.guidance}
                  </Text>
                )}
                {'options' in item && (
                  <List size="sm" withPadding lang={template.language}>
                    {item.options.map((option) => (
                      <List.Item key={option.id}>{option.label}</List.Item>
                    ))}
                  </List>
                )}
                {item.condition && (
                  <Text size="xs" c="dimmed">
                    {t('templates.conditional')}
                  </Text>
                )}
                <LegalRefLinks refs={item.legalRefs ?? []} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
