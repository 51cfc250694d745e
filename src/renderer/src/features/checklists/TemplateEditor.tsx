import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Group, List, Paper, Select, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useForm, type FormErrors } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  itemKinds,
  templateLanguages,
  templateSchema,
  type ChecklistItem,
  type ChecklistSection,
  type ChecklistTemplate,
  type ItemKind,
  type TemplateLanguage,
} from '@shared/checklists';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { formPath, schemaErrors } from '../../components/schema-errors';
import { useAction } from '../../components/use-action';
import { freeId, moveEntry, nextVersion, withKind } from './view';

/**
 * A form over a custom template. Nothing is saved until the whole template passes templateSchema;
 * then each problem is shown beside its field (the form's paths are the schema's) and listed, with
 * where it is, above the form.
 */
export function TemplateEditor({
  initial,
  isNew,
  onSave,
  onCancel,
}: {
  initial: ChecklistTemplate;
  isNew: boolean;
  onSave: (template: ChecklistTemplate) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('checklists');
  // What a person can fix is translated; the schema's other messages stay in English (marked so for screen readers).
  const message = (issue: z.core.$ZodIssue): ReactNode => {
    if (issue.code === 'too_small' && issue.origin === 'string') return t('editor.required');
    if (issue.code === 'too_small' && issue.origin === 'array') return t('editor.tooFew', { minimum: Number(issue.minimum) });
    return <span lang="en">{issue.message}</span>;
  };
  // A saved change to an existing custom template is a new version; checklists keep the one they started with.
  const candidate = (draft: ChecklistTemplate) => (isNew ? draft : { ...draft, version: nextVersion(initial.version) });
  const form = useForm<ChecklistTemplate>({
    initialValues: initial,
    validate: schemaErrors(templateSchema, candidate, formPath, (_field, issue) => message(issue)),
  });
  const draft = form.values;
  // getValues, not values: two changes before the next render both apply.
  const setDraft = (next: ChecklistTemplate | ((current: ChecklistTemplate) => ChecklistTemplate)) => form.setValues(typeof next === 'function' ? next(form.getValues()) : next);
  const saving = useAction(onSave, (error) => {
    console.error(error);
    return { title: t('templates.saveFailedTitle'), text: t('templates.saveFailedBody') };
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const problems = form.errors;
  const problemCount = Object.keys(problems).length;

  const save = () => {
    if (form.validate().hasErrors) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    void saving.run(templateSchema.parse(candidate(draft)));
  };

  const setSection = (s: number, change: (section: ChecklistSection) => ChecklistSection) =>
    setDraft((current) => ({ ...current, sections: current.sections.map((section, index) => (index === s ? change(section) : section)) }));
  const allItemIds = () => draft.sections.flatMap((section) => section.items.map((item) => item.id));
  const newItem = (): ChecklistItem => ({ id: freeId('item', allItemIds()), kind: 'check', label: '' });

  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} ref={headingRef} tabIndex={-1}>
        {t(isNew ? 'editor.titleNew' : 'editor.titleEdit')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('editor.intro')}
      </Text>

      {problemCount > 0 && (
        <Alert color="red" variant="light" title={t('editor.problemsTitle', { count: problemCount })} ref={summaryRef} tabIndex={-1}>
          <Stack gap="xs">
            <Text size="sm">{t('editor.problemsBody')}</Text>
            <List size="sm">
              {Object.entries(problems).map(([path, text]) => (
                <List.Item key={path}>
                  {where(path, t)}: {text}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}

      <TextInput
        label={t('editor.fields.title')}
        required
        value={draft.title}
        error={problems.title}
        onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
        lang={draft.language}
      />
      <Textarea
        label={t('editor.fields.description')}
        autosize
        minRows={2}
        value={draft.description}
        error={problems.description}
        onChange={(event) => setDraft({ ...draft, description: event.currentTarget.value })}
        lang={draft.language}
      />
      <Select
        label={t('editor.fields.language')}
        description={t('editor.fields.languageHelp')}
        data={templateLanguages.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
        value={draft.language}
        allowDeselect={false}
        onChange={(value) => value && setDraft({ ...draft, language: value as TemplateLanguage })}
        maw={280}
      />

      {draft.sections.map((section, s) => (
        <Paper key={section.id} withBorder radius="md" p="md" role="group" aria-labelledby={`editor-${section.id}`}>
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2} size="h4" id={`editor-${section.id}`}>
                {t('editor.sectionNumber', { n: s + 1 })}
              </Title>
              <Button
                size="compact-sm"
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                disabled={draft.sections.length === 1}
                onClick={() => setDraft({ ...draft, sections: draft.sections.filter((_, index) => index !== s) })}
              >
                {t('editor.removeSection')}
              </Button>
            </Group>
            <TextInput
              label={t('editor.fields.sectionTitle')}
              required
              value={section.title}
              error={problems[`sections.${s}.title`]}
              onChange={(event) => {
                const title = event.currentTarget.value;
                setSection(s, (current) => ({ ...current, title }));
              }}
              lang={draft.language}
            />
            <Textarea
              label={t('editor.fields.sectionDescription')}
              autosize
              minRows={1}
              value={section.description ?? ''}
              onChange={(event) => {
                const description = event.currentTarget.value;
                setSection(s, ({ description: _old, ...rest }) => (description === '' ? rest : { ...rest, description }));
              }}
              lang={draft.language}
            />
            {problems[`sections.${s}.items`] && (
              <Text size="sm" c="red">
                {problems[`sections.${s}.items`]}
              </Text>
            )}
            {section.items.map((item, i) => (
              <ItemEditor
                key={item.id}
                item={item}
                language={draft.language}
                path={['sections', s, 'items', i]}
                problems={problems}
                position={{ index: i, count: section.items.length }}
                onChange={(next) => setSection(s, (current) => ({ ...current, items: current.items.map((entry, index) => (index === i ? next : entry)) }))}
                onMove={(to) => setSection(s, (current) => ({ ...current, items: moveEntry(current.items, i, to) }))}
                onRemove={() => setSection(s, (current) => ({ ...current, items: current.items.filter((_, index) => index !== i) }))}
              />
            ))}
            <Group>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setSection(s, (current) => ({ ...current, items: [...current.items, newItem()] }))}
              >
                {t('editor.addItem')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            setDraft({
              ...draft,
              sections: [
                ...draft.sections,
                {
                  id: freeId(
                    'section',
                    draft.sections.map((section) => section.id),
                  ),
                  title: '',
                  items: [newItem()],
                },
              ],
            })
          }
        >
          {t('editor.addSection')}
        </Button>
      </Group>

      <OutcomeAlert outcome={saving.outcome} />
      <Group>
        <Button onClick={save} loading={saving.busy}>
          {t('editor.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A problem's place in words, from its form path (`sections.1.items.2.options.0.label`): "Section 2, item 3, option 1 (label)". */
function where(formPath: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const path = formPath.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const parts: string[] = [];
  let field: string | null = null;
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index];
    const next = path[index + 1];
    if ((segment === 'sections' || segment === 'items' || segment === 'options') && typeof next === 'number') {
      parts.push(t(`editor.where.${segment}`, { n: next + 1 }));
      index += 1;
    } else field ??= String(segment);
  }
  const place = parts.length === 0 ? t('editor.where.template') : parts.join(', ');
  return field === null ? place : `${place} (${field})`;
}

function ItemEditor({
  item,
  language,
  path,
  problems,
  position,
  onChange,
  onMove,
  onRemove,
}: {
  item: ChecklistItem;
  language: string;
  path: Array<string | number>;
  problems: FormErrors;
  position: { index: number; count: number };
  onChange: (item: ChecklistItem) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('checklists');
  const at = (...rest: Array<string | number>) => problems[formPath([...path, ...rest])];
  // Every problem inside a field (a condition's parts, each legal reference), one after the other.
  const under = (field: string) => {
    const prefix = formPath([...path, field]);
    const found = Object.entries(problems).filter(([key]) => key === prefix || key.startsWith(`${prefix}.`));
    if (found.length === 0) return undefined;
    return found.map(([key, text], index) => (
      <Fragment key={key}>
        {index > 0 && ' '}
        {text}
      </Fragment>
    ));
  };
  const number = position.index + 1;

  return (
    <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)" role="group" aria-label={t('editor.itemNumber', { n: number })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('editor.itemNumber', { n: number })}
          </Text>
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconArrowUp size={16} aria-hidden />}
              disabled={position.index === 0}
              onClick={() => onMove(position.index - 1)}
              aria-label={t('editor.moveUpNamed', { n: number })}
            >
              {t('editor.moveUp')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconArrowDown size={16} aria-hidden />}
              disabled={position.index === position.count - 1}
              onClick={() => onMove(position.index + 1)}
              aria-label={t('editor.moveDownNamed', { n: number })}
            >
              {t('editor.moveDown')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onRemove}
              aria-label={t('editor.removeItemNamed', { n: number })}
            >
              {t('editor.removeItem')}
            </Button>
          </Group>
        </Group>
        <Textarea
          label={t('editor.fields.label')}
          required
          autosize
          minRows={1}
          value={item.label}
          error={at('label')}
          onChange={(event) => onChange({ ...item, label: event.currentTarget.value })}
          lang={language}
        />
        <Textarea
          label={t('editor.fields.guidance')}
          autosize
          minRows={1}
          value={item.guidance ?? ''}
          error={at('guidance')}
          onChange={(event) => {
            const guidance = event.currentTarget.value;
            const { guidance: _old, ...rest } = item;
            onChange(guidance === '' ? rest : { ...rest, guidance });
          }}
          lang={language}
        />
        <Select
          label={t('editor.fields.kind')}
          data={itemKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          value={item.kind}
          allowDeselect={false}
          error={at('kind')}
          onChange={(value) => value && onChange(withKind(item, value as ItemKind))}
          maw={280}
        />
        {'options' in item && (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('editor.fields.options')}
            </Text>
            {at('options') && (
              <Text size="sm" c="red">
                {at('options')}
              </Text>
            )}
            {item.options.map((option, o) => (
              <Group key={option.id} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('editor.fields.option', { n: o + 1 })}
                  value={option.label}
                  error={at('options', o, 'label')}
                  onChange={(event) => {
                    const label = event.currentTarget.value;
                    onChange({ ...item, options: item.options.map((entry, index) => (index === o ? { ...entry, label } : entry)) });
                  }}
                  lang={language}
                />
                <Button
                  variant="default"
                  color="red"
                  onClick={() => onChange({ ...item, options: item.options.filter((_, index) => index !== o) })}
                  aria-label={t('editor.removeOptionNamed', { n: o + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => {
                  const id = freeId(
                    'option',
                    item.options.map((option) => option.id),
                  );
                  onChange({ ...item, options: [...item.options, { id, label: '' }] });
                }}
              >
                {t('editor.addOption')}
              </Button>
            </Group>
          </Stack>
        )}
        <TagsInput
          label={t('editor.fields.legalRefs')}
          description={t('editor.fields.legalRefsHelp')}
          value={item.legalRefs ?? []}
          error={under('legalRefs')}
          onChange={(refs) => {
            const { legalRefs: _old, ...rest } = item;
            onChange(refs.length === 0 ? rest : { ...rest, legalRefs: refs });
          }}
          splitChars={[',', ' ']}
        />
        {under('condition') && (
          <Text size="sm" c="red" lang="en">
            {t('editor.conditionProblem')} {under('condition')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
