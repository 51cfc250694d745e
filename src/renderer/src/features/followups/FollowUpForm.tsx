import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  followUpKinds,
  followUpLimits,
  followUpRepeats,
  followUpSchema,
  isDate,
  isTime,
  linkKey,
  periodEnd,
  suggestDuration,
  type FollowUp,
  type FollowUpKind,
  type FollowUpLink,
  type FollowUpRepeat,
  type LinkTarget,
} from '@shared/followups';
import { loadLegalIndex } from '../legal';
import { useLoaded } from '../../components/use-loaded';
import { useVault } from '../vault';
import { listLinkChoices } from './data';
import { useLinkLabel } from './LinkedRecord';
import { deviceZone, useDueFormats } from './view';

interface Draft {
  kind: FollowUpKind;
  title: string;
  allDay: boolean;
  date: string;
  time: string;
  zone: string;
  repeat: FollowUpRepeat | 'none';
  periodStart: string;
  periodDays: number | '';
  link: FollowUpLink | null;
}

function draftOf(followUp: FollowUp | null): Draft {
  if (!followUp) return { kind: 'appointment', title: '', allDay: true, date: '', time: '', zone: deviceZone(), repeat: 'none', periodStart: '', periodDays: '', link: null };
  return {
    kind: followUp.kind,
    title: followUp.title,
    allDay: followUp.due.time === null,
    date: followUp.due.date,
    time: followUp.due.time ?? '',
    zone: followUp.due.zone ?? deviceZone(),
    repeat: followUp.repeat ?? 'none',
    periodStart: followUp.period?.start ?? '',
    periodDays: followUp.period?.days ?? '',
    link: followUp.link ?? null,
  };
}

const isPeriod = (kind: FollowUpKind) => kind === 'reflectionPeriodEnds';
const validDays = (days: number | '') => typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= followUpLimits.periodDays;

/** The follow-up the draft describes, or null while a field is missing. */
function followUpOf(draft: Draft, caseId: string, existing: FollowUp | null, nowIso: string): FollowUp | null {
  const period = isPeriod(draft.kind);
  if (period ? !isDate(draft.periodStart) || !validDays(draft.periodDays) : !isDate(draft.date)) return null;
  const timed = !period && !draft.allDay;
  if (timed && !isTime(draft.time)) return null;
  const candidate: FollowUp = {
    id: existing?.id ?? crypto.randomUUID(),
    caseId,
    kind: draft.kind,
    title: draft.title.trim(),
    due: {
      date: period ? periodEnd(draft.periodStart, draft.periodDays as number) : draft.date,
      time: timed ? draft.time : null,
      zone: timed ? draft.zone : null,
    },
    period: period ? { start: draft.periodStart, days: draft.periodDays as number } : null,
    repeat: period || draft.repeat === 'none' ? null : draft.repeat,
    occurrencesDone: existing?.occurrencesDone ?? 0,
    snoozedUntil: existing?.snoozedUntil ?? null,
    status: existing?.status ?? 'open',
    statusChangedAt: existing?.statusChangedAt ?? null,
    link: draft.link,
    createdAt: existing?.createdAt ?? nowIso,
    updatedAt: nowIso,
  };
  return followUpSchema.safeParse(candidate).success ? candidate : null;
}

export interface FollowUpFormProps {
  caseId: string;
  countriesOfExploitation: readonly string[];
  /** null for a new follow-up. */
  existing: FollowUp | null;
  onClose: () => void;
  onSave: (followUp: FollowUp) => Promise<void>;
}

/** Adding or editing a follow-up, in a dialog. A period's end is computed from its start and length, never assumed. */
export function FollowUpForm({ caseId, countriesOfExploitation, existing, onClose, onSave }: FollowUpFormProps) {
  const { t, i18n } = useTranslation('followups');
  const { day } = useDueFormats();
  const [draft, setDraft] = useState(() => draftOf(existing));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  // Without the corpus there is simply no suggestion: the form never needs one.
  const legal = useLoaded(loadLegalIndex).state;
  const suggestion = useMemo(
    () => (legal.status === 'ready' ? suggestDuration(draft.kind, countriesOfExploitation, legal.value) : null),
    [legal, draft.kind, countriesOfExploitation],
  );
  const linkChoices = useLinkChoices(caseId, existing?.link ?? null);
  const countryNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'region' }), [i18n.language]);

  const period = isPeriod(draft.kind);
  const titleError = submitted && draft.title.trim() === '' ? t('form.invalidTitle') : null;
  const error = (ok: boolean, message: string) => (submitted && !ok ? message : null);

  async function submit() {
    setSubmitted(true);
    setFailed(false);
    const followUp = followUpOf(draft, caseId, existing, new Date().toISOString());
    if (!followUp) return;
    setBusy(true);
    try {
      await onSave(followUp);
      onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={existing ? t('form.editTitle') : t('form.addTitle')} closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <form autoComplete="off" noValidate onSubmit={(event) => (event.preventDefault(), void submit())}>
        <Stack>
          <Select
            label={t('form.kind')}
            data={followUpKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            value={draft.kind}
            onChange={(value) => value && set({ kind: value as FollowUpKind })}
            allowDeselect={false}
            autoComplete="off"
          />
          <TextInput
            label={t('form.title')}
            description={t('form.titleHelp')}
            value={draft.title}
            onChange={(event) => set({ title: event.currentTarget.value })}
            maxLength={followUpLimits.titleChars}
            error={titleError}
            autoComplete="off"
            data-autofocus
          />
          {period ? (
            <>
              <Text size="sm">{t('form.periodHelp')}</Text>
              <TextInput
                type="date"
                label={t('form.periodStart')}
                value={draft.periodStart}
                onChange={(event) => set({ periodStart: event.currentTarget.value })}
                error={error(isDate(draft.periodStart), t('form.invalidDate'))}
                autoComplete="off"
              />
              <NumberInput
                label={t('form.periodDays')}
                value={draft.periodDays}
                onChange={(value) => set({ periodDays: typeof value === 'number' ? value : '' })}
                min={1}
                max={followUpLimits.periodDays}
                allowDecimal={false}
                error={error(validDays(draft.periodDays), t('form.invalidDays'))}
                autoComplete="off"
              />
              {suggestion ? (
                <Alert color="blue" role="note">
                  <Stack gap="xs">
                    <Text size="sm">
                      {t('form.suggestion', {
                        instrument: suggestion.instrumentName,
                        provision: suggestion.provisionLabel,
                        days: suggestion.days,
                        countries: suggestion.countries.map((code) => countryNames.of(code) ?? code).join(', '),
                      })}
                    </Text>
                    <Button size="xs" variant="default" w="fit-content" onClick={() => set({ periodDays: suggestion.days })}>
                      {t('form.useSuggestion', { days: suggestion.days })}
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('form.noSuggestion')}
                </Text>
              )}
              {isDate(draft.periodStart) && validDays(draft.periodDays) && (
                <Text role="status" fw={600}>
                  {t('form.periodEnds', { date: day(periodEnd(draft.periodStart, draft.periodDays as number)) })}
                </Text>
              )}
            </>
          ) : (
            <>
              <TextInput
                type="date"
                label={t('form.date')}
                value={draft.date}
                onChange={(event) => set({ date: event.currentTarget.value })}
                error={error(isDate(draft.date), t('form.invalidDate'))}
                autoComplete="off"
              />
              <Checkbox label={t('form.allDay')} checked={draft.allDay} onChange={(event) => set({ allDay: event.currentTarget.checked })} />
              {!draft.allDay && (
                <Group grow align="flex-start">
                  <TextInput
                    type="time"
                    label={t('form.time')}
                    value={draft.time}
                    onChange={(event) => set({ time: event.currentTarget.value })}
                    error={error(isTime(draft.time), t('form.invalidTime'))}
                    autoComplete="off"
                  />
                  <Select
                    label={t('form.zone')}
                    description={t('form.zoneHelp')}
                    data={zones}
                    value={draft.zone}
                    onChange={(value) => value && set({ zone: value })}
                    searchable
                    allowDeselect={false}
                    autoComplete="off"
                  />
                </Group>
              )}
              <Select
                label={t('form.repeat')}
                data={(['none', ...followUpRepeats] as const).map((repeat) => ({ value: repeat, label: t(`repeats.${repeat}`) }))}
                value={draft.repeat}
                onChange={(value) => value && set({ repeat: value as Draft['repeat'] })}
                allowDeselect={false}
                autoComplete="off"
              />
            </>
          )}
          <Select
            label={t('link.label')}
            description={t('link.help')}
            data={linkChoices.data}
            value={draft.link ? linkKey(draft.link) : 'none'}
            onChange={(value) => value && set({ link: linkChoices.byKey.get(value) ?? null })}
            searchable
            allowDeselect={false}
            autoComplete="off"
          />
          {failed && (
            <Alert color="red" role="alert" title={t('errors.saveTitle')}>
              {t('errors.save')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The form's link choices: nothing, the case's notes, and its checklists' questions, grouped by checklist.
 * A link whose note or question was deleted stays offered, marked as such, so editing keeps it unless changed.
 */
function useLinkChoices(caseId: string, current: FollowUpLink | null) {
  const { t } = useTranslation('followups');
  const { store } = useVault();
  const label = useLinkLabel();
  const [choices, setChoices] = useState<{ link: FollowUpLink; target: LinkTarget }[]>([]);
  useEffect(() => {
    let live = true;
    // Without them the form still works: only "nothing" (and the current link) is offered.
    listLinkChoices(store, caseId).then(
      (found) => live && setChoices(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store, caseId]);
  return useMemo(() => {
    const all = [...choices];
    if (current && !all.some(({ link }) => linkKey(link) === linkKey(current))) all.push({ link: current, target: { type: 'missing', was: current.type } });
    const byKey = new Map(all.map(({ link }) => [linkKey(link), link]));
    // One group per checklist (two of the same template get a number) and one for the notes.
    const groups = new Map<string, { value: string; label: string }[]>();
    const checklistGroups = new Map<string, string>();
    for (const { link, target } of all) {
      let group = target.type === 'note' ? t('link.notes') : t('link.deleted');
      if (target.type === 'checklistItem') {
        group = checklistGroups.get(target.checklistId) ?? target.checklistTitle;
        if (!checklistGroups.has(target.checklistId)) {
          const same = [...checklistGroups.values()].filter((name) => name.startsWith(target.checklistTitle)).length;
          if (same > 0) group = `${target.checklistTitle} (${same + 1})`;
          checklistGroups.set(target.checklistId, group);
        }
      }
      groups.set(group, [...(groups.get(group) ?? []), { value: linkKey(link), label: target.type === 'checklistItem' ? target.itemLabel : label(target) }]);
    }
    const data = [{ value: 'none', label: t('link.none') }, ...[...groups].map(([group, items]) => ({ group, items }))];
    return { data, byKey };
  }, [choices, current, label, t]);
}
