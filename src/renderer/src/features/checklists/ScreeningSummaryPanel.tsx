import { Alert, Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  iloForcedLabourIndicatorIds,
  palermoElements,
  screeningSummary,
  type Evidence,
  type PalermoElement,
  type ScreenedChecklist,
  type ScreeningSummary,
} from '@shared/checklists';
import { useVault } from '../vault';
import type { CasePanelProps } from './CaseChecklistsPanel';
import { useCaseChecklists } from './data';
import { TemplateText } from './Parts';
import { evidenceText, provisionHref } from './view';
import { LoadState } from '../../components/LoadState';

/**
 * What the case's checklist answers support, element by element and indicator by indicator. It
 * counts answers; it never says what the person is. The disclaimer comes first, so it is read first.
 */
export function ScreeningSummaryPanel({ caseId, caseContext }: CasePanelProps) {
  const { t } = useTranslation('checklists');
  const { store } = useVault();
  const { state, retry } = useCaseChecklists(store, caseId);
  const headingId = `screening-${caseId}`;

  const checklists: ScreenedChecklist[] = state.status === 'ready' ? state.value.records.map((checklist) => checklist.instance) : [];
  const summary = screeningSummary(checklists, caseContext);

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} id={headingId} size="h3">
          {t('screening.title')}
        </Title>
        <Alert color="blue" variant="light" role="note" aria-label={t('screening.disclaimerLabel')} icon={<IconInfoCircle aria-hidden />}>
          <Text fw={600} size="sm">
            {t('screening.disclaimer')}
          </Text>
        </Alert>
        {state.status !== 'ready' ? (
          <LoadState state={state} onRetry={retry} loadingLabel={t('loading')} failedTitle={t('loadFailed.title')} />
        ) : checklists.length === 0 ? (
          <Text c="dimmed">{t('screening.empty')}</Text>
        ) : (
          <SummaryBody caseId={caseId} summary={summary} checklists={checklists} />
        )}
      </Stack>
    </section>
  );
}

function SummaryBody({ caseId, summary, checklists }: { caseId: string; summary: ScreeningSummary; checklists: ScreenedChecklist[] }) {
  const { t } = useTranslation('checklists');
  const { childRule } = summary;
  const otherIndicators = summary.indicators.filter((indicator) => !(iloForcedLabourIndicatorIds as readonly string[]).includes(indicator.id));
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('screening.elementsTitle')}
        </Title>
        <Text size="sm">{t('screening.elementsIntro')}</Text>
        {childRule.applies && (
          <Alert color="teal" variant="light" role="note" title={t('screening.childRuleTitle')}>
            <Text size="sm">
              {t(childRule.source === 'case' ? 'screening.childRuleFromCase' : 'screening.childRuleFromAnswers')}{' '}
              <Anchor href={provisionHref('palermo-tip-protocol#art-3c')}>{t('screening.childRuleRef')}</Anchor>
            </Text>
          </Alert>
        )}
        {childRule.ageUncertain && (
          <Text size="sm" c="dimmed">
            {t('screening.ageUncertain')}
          </Text>
        )}
        {palermoElements.map((element) => (
          <ElementCard key={element} element={element} summary={summary} caseId={caseId} checklists={checklists} />
        ))}
        <Text size="sm" fw={600}>
          {t(summary.requiredElementsSupported ? 'screening.allRequiredSupported' : 'screening.notAllRequiredSupported')}
        </Text>
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('screening.iloTitle')}
        </Title>
        <Text size="sm">{t('screening.iloCount', { count: summary.ilo.count, total: summary.ilo.total })}</Text>
        {summary.ilo.count > 0 && (
          <List spacing="sm">
            {summary.indicators
              .filter((indicator) => (summary.ilo.present as readonly string[]).includes(indicator.id))
              .map((indicator) => (
                <List.Item key={indicator.id}>
                  <Text size="sm" fw={600}>
                    {t(`ilo.${indicator.id.slice('ilo:'.length)}`)}
                  </Text>
                  <EvidenceList evidence={indicator.evidence} checklists={checklists} />
                </List.Item>
              ))}
          </List>
        )}
        <Text size="xs" c="dimmed">
          {t('screening.iloNote')}
        </Text>
      </Stack>

      {otherIndicators.length > 0 && (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('screening.otherIndicatorsTitle')}
          </Title>
          <List spacing="sm">
            {otherIndicators.map((indicator) => (
              <List.Item key={indicator.id}>
                <Text size="sm" fw={600} lang="en">
                  {indicator.id}
                </Text>
                <EvidenceList evidence={indicator.evidence} checklists={checklists} />
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

function ElementCard({ element, summary, caseId, checklists }: { element: PalermoElement; summary: ScreeningSummary; caseId: string; checklists: ScreenedChecklist[] }) {
  const { t } = useTranslation('checklists');
  const finding = summary.elements[element];
  // Outline and default badges: the light variants fall below AA contrast with this theme.
  const [badgeKey, variant, color] = finding.supported
    ? (['screening.supported', 'outline', 'teal'] as const)
    : finding.required
      ? (['screening.notYetSupported', 'default', undefined] as const)
      : (['screening.notRequired', 'outline', 'blue'] as const);
  const headingId = `screening-${caseId}-${element}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={4} size="h5" id={headingId}>
            {t(`elements.${element}.name`)}
          </Title>
          <Badge variant={variant} color={color} tt="none">
            {t(badgeKey)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`elements.${element}.meaning`)}
        </Text>
        <Text size="sm">
          {finding.supported
            ? t('screening.elementSupported', { element: t(`elements.${element}.short`) })
            : finding.required
              ? t('screening.elementNotSupported', { element: t(`elements.${element}.short`) })
              : t('screening.meansNotRequired')}
        </Text>
        {!finding.required && finding.supported && <Text size="sm">{t('screening.meansNotRequired')}</Text>}
        {finding.supported && <EvidenceList evidence={finding.evidence} checklists={checklists} />}
      </Stack>
    </Paper>
  );
}

/** The answers behind a finding, in the words of the checklist, with the note recorded beside each. */
function EvidenceList({ evidence, checklists }: { evidence: Evidence[]; checklists: ScreenedChecklist[] }) {
  const { t } = useTranslation('checklists');
  return (
    <List size="sm" spacing={4} withPadding aria-label={t('screening.evidenceLabel')}>
      {evidence.map((entry) => {
        const text = evidenceText(entry, checklists);
        if (!text) return null;
        return (
          <List.Item key={`${entry.instanceId}/${entry.itemId}/${entry.optionId ?? ''}`}>
            <TemplateText language={text.language}>
              {text.checklistTitle} › {text.itemLabel}
              {text.optionLabel !== null && `: ${text.optionLabel}`}
            </TemplateText>
            {text.answer !== null && <> ({t(text.answer === 'yes' ? 'answers.yes' : 'screening.ticked')})</>}
            {text.note !== null && (
              <Text size="xs" c="dimmed">
                {t('screening.note')} <TemplateText language={text.language}>{text.note}</TemplateText>
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
