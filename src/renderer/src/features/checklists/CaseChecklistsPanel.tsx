import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contextWithAnswers, progress, startChecklist, type CaseContext, type ChecklistTemplate } from '@shared/checklists';
import type { CaseChecklist } from '@shared/cases';
import type { ReadRecords } from '../../db';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { useVault } from '../vault';
import { ChecklistRunner } from './ChecklistRunner';
import { saveCaseChecklist, shippedInLanguage, shippedKey, templateLanguageOf, useCaseChecklists, useTemplateChoices } from './data';
import { ProgressLine, TemplateLanguageSelect, TemplateText } from './Parts';
import { itemCount } from './view';
import { LoadState } from '../../components/LoadState';

export type { CaseContext };

export interface CasePanelProps {
  caseId: string;
  caseContext: CaseContext;
  /** A checklist to open at once, and a question in it to show (a follow-up's link). */
  openChecklistId?: string | null;
  focusItemId?: string | null;
}

/** A case's checklists: the list, starting one from a template, and filling one in. */
export function CaseChecklistsPanel({ caseId, caseContext: recordContext, openChecklistId = null, focusItemId = null }: CasePanelProps) {
  const { t } = useTranslation('checklists');
  const { store } = useVault();
  const { state, retry } = useCaseChecklists(store, caseId);
  // An answer in any checklist saying the person may be under 18 shows the child sections in all of them.
  const caseContext =
    state.status === 'ready'
      ? contextWithAnswers(
          recordContext,
          state.value.records.map((checklist) => checklist.instance),
        )
      : recordContext;
  const [openedId, setOpenedId] = useState<string | null>(openChecklistId);
  const [choosing, setChoosing] = useState(false);

  const openChecklist = openedId !== null && state.status === 'ready' ? state.value.records.find((checklist) => checklist.instance.id === openedId) : undefined;

  // Opened from a follow-up's link: the question is shown and its answer focused (a hidden one is not on the page).
  const runnerShown = openChecklist !== undefined && openChecklist.instance.id === openChecklistId;
  useEffect(() => {
    if (!runnerShown || !focusItemId || !openChecklistId) return;
    const field = document.getElementById(`item-${openChecklistId}-${focusItemId}-input`);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [runnerShown, openChecklistId, focusItemId]);

  return (
    <section aria-labelledby={`checklists-${caseId}`}>
      <Stack gap="md">
        <Title order={2} id={`checklists-${caseId}`} size="h3">
          {t('panel.title')}
        </Title>
        {openChecklist ? (
          <ChecklistRunner key={openChecklist.instance.id} initial={openChecklist} caseContext={caseContext} onBack={() => setOpenedId(null)} />
        ) : state.status === 'loading' ? (
          <Center p="md">
            <Loader size="sm" role="status" aria-label={t('loading')} />
          </Center>
        ) : state.status === 'error' ? (
          <LoadFailedAlert title={t('loadFailed.title')} onRetry={retry} />
        ) : (
          <>
            <ChecklistList checklists={state.value} caseContext={caseContext} onOpen={setOpenedId} />
            <Group>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setChoosing(true)}>
                {t('panel.start')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <StartChecklistModal
        opened={choosing}
        caseId={caseId}
        onClose={() => setChoosing(false)}
        onStarted={(id) => {
          setChoosing(false);
          setOpenedId(id);
        }}
      />
    </section>
  );
}

function ChecklistList({ checklists, caseContext, onOpen }: { checklists: ReadRecords<CaseChecklist>; caseContext: CaseContext; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('checklists');
  if (checklists.records.length === 0 && checklists.unreadable.length === 0) {
    return <Text c="dimmed">{t('panel.empty')}</Text>;
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {checklists.records.map(({ instance, status }) => (
        <li key={instance.id}>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap="xs" style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text fw={600}>
                    <TemplateText language={instance.templateSnapshot.language}>{instance.templateSnapshot.title}</TemplateText>
                  </Text>
                  <Badge variant="light" color={status === 'completed' ? 'teal' : 'blue'} tt="none">
                    {t(status === 'completed' ? 'status.completed' : 'status.inProgress')}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('panel.started', { date: new Date(instance.startedAt).toLocaleDateString(i18n.language) })}
                </Text>
                <ProgressLine value={progress(instance.templateSnapshot, instance.answers, caseContext)} />
              </Stack>
              <Button variant="default" onClick={() => onOpen(instance.id)} aria-label={t('panel.openNamed', { title: instance.templateSnapshot.title })}>
                {t('panel.open')}
              </Button>
            </Group>
          </Paper>
        </li>
      ))}
      {checklists.unreadable.map((id) => (
        <li key={id}>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('panel.unreadableTitle')}>
            {t('panel.unreadableBody')}
          </Alert>
        </li>
      ))}
    </Stack>
  );
}

function StartChecklistModal({ opened, caseId, onClose, onStarted }: { opened: boolean; caseId: string; onClose: () => void; onStarted: (id: string) => void }) {
  const { t, i18n } = useTranslation('checklists');
  const { store } = useVault();
  const { state, retry } = useTemplateChoices(store);
  const [language, setLanguage] = useState(() => templateLanguageOf(i18n.language));
  const [chosen, setChosen] = useState<string | null>(null);

  const templates: Array<{ key: string; template: ChecklistTemplate; custom: boolean }> =
    state.status === 'ready'
      ? [
          ...shippedInLanguage(state.value.shipped, language).map((template) => ({ key: shippedKey(template), template, custom: false })),
          ...state.value.custom.flatMap((entry) => (entry.ok ? [{ key: `custom:${entry.id}`, template: entry.value.template, custom: true }] : [])),
        ]
      : [];

  const starting = useAction(
    async () => {
      const picked = templates.find((entry) => entry.key === chosen);
      if (!picked) return;
      const now = new Date().toISOString();
      const checklist: CaseChecklist = { caseId, status: 'inProgress', instance: startChecklist(picked.template, crypto.randomUUID(), now) };
      await saveCaseChecklist(store, checklist);
      setChosen(null);
      onStarted(checklist.instance.id);
    },
    (error) => {
      console.error(error);
      return { title: t('start.failedTitle'), text: t('start.failedBody') };
    },
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t('start.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      {state.status !== 'ready' ? (
        <LoadState state={state} onRetry={retry} loadingLabel={t('loading')} failedTitle={t('loadFailed.title')} />
      ) : (
        <Stack gap="md">
          <TemplateLanguageSelect
            label={t('start.language')}
            description={t('start.languageHelp')}
            value={language}
            onChange={(next) => {
              setLanguage(next);
              setChosen(null);
            }}
          />
          <Radio.Group label={t('start.choose')} description={t('start.chooseHelp')} value={chosen} onChange={setChosen}>
            <Stack gap="sm" mt="sm">
              {templates.map(({ key, template, custom }) => (
                <Radio.Card key={key} value={key} radius="md" p="md">
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <Stack gap={4}>
                      <Group gap="xs">
                        <Text fw={600}>
                          <TemplateText language={template.language}>{template.title}</TemplateText>
                        </Text>
                        {custom && (
                          <Badge variant="outline" tt="none" size="sm">
                            {t('templates.custom')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed" lineClamp={3}>
                        <TemplateText language={template.language}>{template.description}</TemplateText>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('templates.itemCount', { count: itemCount(template) })}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          <OutcomeAlert outcome={starting.outcome} />
          <Group justify="flex-end">
            <Anchor href="#/cases/templates" size="sm" me="auto">
              {t('start.manageTemplates')}
            </Anchor>
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void starting.run()} disabled={chosen === null} loading={starting.busy}>
              {t('start.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
