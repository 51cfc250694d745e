import type { ReactNode } from 'react';
import { Anchor, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { templateLanguages, type Progress as ChecklistProgress, type TemplateLanguage } from '@shared/checklists';
import { useCitations } from './data';
import { provisionHref } from './view';

/** Template content is shown as written, marked with its own language for screen readers. */
export function TemplateText({ language, children }: { language: string; children: ReactNode }) {
  return (
    <span lang={language} dir="auto">
      {children}
    </span>
  );
}

/** Which language's shipped templates to offer; each language's name is given in that language too. */
export function TemplateLanguageSelect({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description?: string;
  value: TemplateLanguage;
  onChange(language: TemplateLanguage): void;
}) {
  const { t } = useTranslation('checklists');
  return (
    <Select
      label={label}
      description={description}
      value={value}
      onChange={(next) => next && onChange(next as TemplateLanguage)}
      allowDeselect={false}
      data={templateLanguages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
      maw={320}
    />
  );
}

/** Legal references as readable citations, each linking to the provision's page in the app. */
export function LegalRefLinks({ refs }: { refs: readonly string[] }) {
  const { t } = useTranslation('checklists');
  const citations = useCitations();
  if (refs.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" component="p" style={{ margin: 0 }}>
      <Text span size="sm" c="dimmed">
        {t('legalRefs')}
      </Text>
      {refs.map((id, index) => {
        const citation = citations?.get(id);
        return (
          <Text span size="sm" key={id}>
            <Anchor href={provisionHref(id)} lang="en">
              {citation ? t('citation', { provision: citation.provision, instrument: citation.instrument }) : id}
            </Anchor>
            {index < refs.length - 1 && ' ·'}
          </Text>
        );
      })}
    </Group>
  );
}

export function ProgressLine({ value }: { value: ChecklistProgress }) {
  const { t } = useTranslation('checklists');
  const label = t('progress', { answered: value.answered, total: value.total });
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Progress value={value.percent} aria-label={label} size="md" />
    </Stack>
  );
}
