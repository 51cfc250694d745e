import { ExportPdfButton } from '../export';
import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { answerFor, clearAnswer, progress, recordAnswer, visibleItems, type AnswerProblem, type CaseContext, type ChecklistInstance, type ChecklistItem } from '@shared/checklists';
import type { CaseChecklist } from '@shared/cases';
import { CaseFilesScope, LinkedFiles, useCaseFiles } from '../attachments';
import { useVault } from '../vault';
import classes from './checklists.module.css';
import { saveCaseChecklist } from './data';
import { LegalRefLinks, ProgressLine, TemplateText } from './Parts';

type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** Typing is saved after a short pause; choices are saved just as quickly, in the order made. */
const saveDelayMs = 300;

/** Saves the latest state of a checklist after each change, one write at a time. */
function useAutosave(initial: CaseChecklist) {
  const { store } = useVault();
  const [checklist, setChecklist] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const latest = useRef(initial);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(() => {
    pending.current = null;
    const toSave = latest.current;
    setStatus('saving');
    chain.current = chain.current.then(() =>
      saveCaseChecklist(store, toSave).then(
        () => setStatus(latest.current === toSave ? 'saved' : 'saving'),
        (error: unknown) => {
          console.error(error);
          setStatus('failed');
        },
      ),
    );
  }, [store]);

  const update = useCallback(
    (next: CaseChecklist) => {
      latest.current = next;
      setChecklist(next);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = setTimeout(flush, saveDelayMs);
    },
    [flush],
  );

  // Leaving the checklist saves what is still waiting.
  useEffect(
    () => () => {
      if (pending.current !== null) {
        clearTimeout(pending.current);
        flush();
      }
    },
    [flush],
  );

  return { checklist, update, status, retry: flush };
}

export function ChecklistRunner({ initial, caseContext, onBack }: { initial: CaseChecklist; caseContext: CaseContext; onBack: () => void }) {
  const { t } = useTranslation('checklists');
  const { checklist, update, status, retry } = useAutosave(initial);
  const { instance } = checklist;
  const template = instance.templateSnapshot;
  const completed = checklist.status === 'completed';
  const shown = new Set(visibleItems(template, instance.answers, caseContext).map((item) => item.id));
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a checklist starts reading at its title.
  useEffect(() => headingRef.current?.focus(), []);

  const changeInstance = (next: ChecklistInstance) => update({ ...checklist, instance: next });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Button variant="default" leftSection={<IconArrowLeft size={18} aria-hidden className={classes.mirrorInRtl} />} onClick={onBack}>
          {t('runner.back')}
        </Button>
        <Group gap="sm">
          <SaveStatusLine status={status} onRetry={retry} />
          <ExportPdfButton kind="filledChecklist" caseId={checklist.caseId} checklistId={instance.id} caseContext={caseContext} />
        </Group>
      </Group>
      <Stack gap={4}>
        <Title order={3} ref={headingRef} tabIndex={-1}>
          <TemplateText language={template.language}>{template.title}</TemplateText>
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={completed ? 'teal' : 'blue'} tt="none">
            {t(completed ? 'status.completed' : 'status.inProgress')}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('runner.version', { version: String(instance.templateVersion) })}
          </Text>
        </Group>
      </Stack>
      <ProgressLine value={progress(template, instance.answers, caseContext)} />
      {completed && (
        <Alert color="teal" variant="light" role="note" title={t('runner.completedTitle')}>
          {t('runner.completedBody')}
        </Alert>
      )}

      <CaseFilesScope caseId={checklist.caseId}>
        <Stack gap="xl">
          {template.sections.map((section) => {
            const items = section.items.filter((item) => shown.has(item.id));
            if (items.length === 0) return null;
            return (
              <section key={section.id} aria-labelledby={`${instance.id}-${section.id}`}>
                <Stack gap="md">
                  <Title order={4} id={`${instance.id}-${section.id}`}>
                    <TemplateText language={template.language}>{section.title}</TemplateText>
                  </Title>
                  {section.description && (
                    <Text size="sm" c="dimmed" lang={template.language}>
                      {section.description}
                    </Text>
                  )}
                  {items.map((item) => (
                    <ItemCard key={item.id} item={item} instance={instance} onChange={changeInstance} completed={completed} />
                  ))}
                </Stack>
              </section>
            );
          })}
        </Stack>
      </CaseFilesScope>

      <Group>
        {completed ? (
          <Button variant="default" leftSection={<IconRotate size={18} aria-hidden />} onClick={() => update({ ...checklist, status: 'inProgress' })}>
            {t('runner.reopen')}
          </Button>
        ) : (
          <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => update({ ...checklist, status: 'completed' })}>
            {t('runner.complete')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation('checklists');
  return (
    <div role="status" aria-live="polite">
      {status === 'failed' ? (
        <Alert color="red" variant="light" title={t('runner.saveFailedTitle')} maw={420}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('runner.saveFailedBody')}</Text>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('runner.retrySave')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {status === 'saving' ? t('runner.saving') : status === 'saved' ? t('runner.saved') : ''}
        </Text>
      )}
    </div>
  );
}

interface ItemCardProps {
  item: ChecklistItem;
  instance: ChecklistInstance;
  onChange: (next: ChecklistInstance) => void;
  completed: boolean;
}

function ItemCard({ item, instance, onChange, completed }: ItemCardProps) {
  const { t } = useTranslation('checklists');
  const files = useCaseFiles();
  const template = instance.templateSnapshot;
  const answer = answerFor(instance.answers, item.id);
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const [noteOpen, setNoteOpen] = useState(answer?.note !== undefined);

  /** Records a value, keeping the note; returns whether it was accepted. */
  const answerWith = (value: unknown, note = answer?.note): boolean => {
    const result = recordAnswer(instance, item.id, value, new Date().toISOString(), note);
    if (!result.ok) {
      setProblem(result.reason === 'unknownItem' ? 'wrongType' : result.reason);
      return false;
    }
    setProblem(null);
    onChange(result.instance);
    return true;
  };
  const clear = () => {
    setProblem(null);
    onChange(clearAnswer(instance, item.id, new Date().toISOString()));
  };

  const guidance = item.guidance ? <TemplateText language={template.language}>{item.guidance}</TemplateText> : undefined;
  const label = <TemplateText language={template.language}>{item.label}</TemplateText>;
  const error = problem ? t(`problems.${problem}`) : undefined;
  const domId = `item-${instance.id}-${item.id}`;
  const card = useRef<HTMLDivElement>(null);

  return (
    <Paper withBorder radius="md" p="md" ref={card}>
      <Stack gap="sm">
        {/* A completed checklist keeps its answers as they are until reopened; its files still open. */}
        <fieldset disabled={completed} className={classes.answers}>
          <Stack gap="sm">
            <ItemControl
              item={item}
              id={`${domId}-input`}
              language={template.language}
              label={label}
              guidance={guidance}
              error={error}
              value={answer?.value}
              onAnswer={answerWith}
              onClear={clear}
            />
            <LegalRefLinks refs={item.legalRefs ?? []} />
            <Group gap="xs">
              {answer && (item.kind === 'yesNoUnknown' || item.kind === 'single') && (
                <Button size="compact-sm" variant="default" onClick={clear}>
                  {t(answer.note === undefined ? 'runner.clearAnswer' : 'runner.clearAnswerAndNote')}
                </Button>
              )}
              {answer && !noteOpen && (
                <Button size="compact-sm" variant="default" onClick={() => setNoteOpen(true)}>
                  {t('runner.addNote')}
                </Button>
              )}
            </Group>
            {noteOpen && answer && (
              <Textarea
                label={t('runner.note')}
                description={t('runner.noteHelp')}
                autosize
                minRows={2}
                maxLength={10_000}
                value={answer.note ?? ''}
                onChange={(event) => answerWith(answer.value, event.currentTarget.value)}
              />
            )}
          </Stack>
        </fieldset>
        {/* Files go with an answer: listed whenever there are some, attached once the question is answered. */}
        {files && (
          <Suspense fallback={null}>
            <LinkedFiles
              files={files}
              link={{ type: 'checklistItem', checklistId: instance.id, itemId: item.id }}
              owner={t('runner.filesOwner', { item: item.label })}
              canAttach={answer !== undefined && !completed}
              dropZone={card}
            />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}

interface ControlProps {
  item: ChecklistItem;
  id: string;
  /** The template's language, for option labels. */
  language: string;
  label: ReactNode;
  guidance: ReactNode;
  error: string | undefined;
  value: unknown;
  onAnswer: (value: unknown) => boolean;
  onClear: () => void;
}

function ItemControl({ item, id, language, label, guidance, error, value, onAnswer, onClear }: ControlProps) {
  const { t } = useTranslation('checklists');
  switch (item.kind) {
    case 'check':
      return <Checkbox id={id} label={label} description={guidance} checked={value === true} onChange={(event) => onAnswer(event.currentTarget.checked)} />;
    case 'yesNoUnknown':
      return (
        <Radio.Group id={id} label={label} description={guidance} value={typeof value === 'string' ? value : null} onChange={onAnswer}>
          <Group gap="lg" mt="xs">
            {(['yes', 'no', 'unknown'] as const).map((choice) => (
              <Radio key={choice} value={choice} label={t(`answers.${choice}`)} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'single':
      return (
        <Radio.Group id={id} label={label} description={guidance} value={typeof value === 'string' ? value : null} onChange={onAnswer}>
          <Stack gap="xs" mt="xs">
            {item.options.map((option) => (
              <Radio
                key={option.id}
                value={option.id}
                label={<TemplateText language={language}>{option.label}</TemplateText>}
                description={option.guidance && <TemplateText language={language}>{option.guidance}</TemplateText>}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group id={id} label={label} description={guidance} value={Array.isArray(value) ? value.map(String) : []} onChange={onAnswer}>
          <Stack gap="xs" mt="xs">
            {item.options.map((option) => (
              <Checkbox
                key={option.id}
                value={option.id}
                label={<TemplateText language={language}>{option.label}</TemplateText>}
                description={option.guidance && <TemplateText language={language}>{option.guidance}</TemplateText>}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text': {
      const Input = item.multiline ? Textarea : TextInput;
      return (
        <Input
          id={id}
          label={label}
          description={guidance}
          error={error}
          maxLength={10_000}
          {...(item.multiline ? { autosize: true, minRows: 3 } : {})}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onAnswer(event.currentTarget.value)}
        />
      );
    }
    case 'date':
      return <DateField id={id} label={label} guidance={guidance} error={error} value={value} onAnswer={onAnswer} onClear={onClear} />;
    case 'number':
      return <NumberField id={id} item={item} label={label} guidance={guidance} error={error} value={value} onAnswer={onAnswer} onClear={onClear} />;
  }
}

/** Keeps what was typed even when it is not (yet) a valid answer, so nothing typed is lost. */
function DateField({ id, label, guidance, error, value, onAnswer, onClear }: Omit<ControlProps, 'item' | 'language'>) {
  const [draft, setDraft] = useState(typeof value === 'string' ? value : '');
  return (
    <TextInput
      id={id}
      type="date"
      label={label}
      description={guidance}
      error={error}
      value={draft}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setDraft(next);
        if (next === '') onClear();
        else onAnswer(next);
      }}
      maw={240}
    />
  );
}

function NumberField({ id, item, label, guidance, error, value, onAnswer, onClear }: Omit<ControlProps, 'language'>) {
  const [draft, setDraft] = useState<string | number>(typeof value === 'number' ? value : '');
  const limits = item.kind === 'number' ? item : null;
  return (
    <NumberInput
      id={id}
      label={label}
      description={guidance}
      error={error}
      value={draft}
      min={limits?.min}
      max={limits?.max}
      allowDecimal={!limits?.integer}
      clampBehavior="none"
      onChange={(next) => {
        setDraft(next);
        if (next === '') onClear();
        else if (typeof next === 'number') onAnswer(next);
      }}
      maw={240}
    />
  );
}
