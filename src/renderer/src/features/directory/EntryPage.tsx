import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconEye, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DirectoryEntry, DirectoryHeadquarters } from '@shared/hsds/directory';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog';
import { NotTranslatedNote } from '../../components/NotTranslatedNote';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { useVault } from '../vault';
import { useDirectory } from './context';
import type { DirectoryNotice } from './context';
import { deleteOwnEntry, loadNote, ownEntryDeletion, saveNote, setFavourite } from './data';
import type { Origin, OwnEntryDeletion } from './data';
import classes from './directory.module.css';
import { isWebLink } from '@shared/contact-links';
import { isolate, useLabels } from './labels';
import type { Labels } from './labels';
import { NotFound } from './NotFound';
import { NumberReports } from './NumberReports';
import { CopyValue, EmailLink, EntryBadges, PhoneLink, entryPath } from './Parts';
import { checkedSentence, oldSourceDate } from './verification';

export function EntryPage({ id, onDeleted }: { id: string; onDeleted: (notice: DirectoryNotice) => void }) {
  const { t, i18n } = useTranslation('directory');
  const labels = useLabels();
  const { directory, entryById, organizationById } = useDirectory();
  const [deleting, setDeleting] = useState(false);
  const entry = entryById.get(id);
  if (entry === undefined) return <NotFound />;
  const origin = directory.origins.get(entry.id);
  // Only the person's own entries, added or imported, can be deleted; shipped ones never.
  const deletion = ownEntryDeletion(directory, entry.id);
  const organization = entry.organizationId === null ? undefined : organizationById.get(entry.organizationId);
  const yesNoUnknown = entry.is24x7 === null ? t('entry.unknown') : entry.is24x7 ? t('entry.yes') : t('entry.no');

  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} href="/">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden className={classes.mirrorInRtl} />
          {t('entry.back')}
        </Group>
      </Anchor>
      <Stack gap="xs">
        <Title order={1} tabIndex={-1}>
          <bdi>{entry.name}</bdi>
        </Title>
        {entry.alternateName !== null && <Text c="dimmed">{entry.alternateName}</Text>}
        {organization !== undefined && organization.name !== entry.name && <Text>{t('entry.runBy', { organization: organization.name })}</Text>}
        <EntryBadges entry={entry} origin={origin} favourite={directory.favourites.has(entry.id)} />
      </Stack>
      <Group gap="xs">
        <FavouriteButton entryId={entry.id} />
        {origin !== undefined && (
          <Button component={Link} href={`${entryPath(entry.id)}/edit`} variant="default" leftSection={<IconEdit size={18} aria-hidden />}>
            {t('entry.edit')}
          </Button>
        )}
        {deletion !== undefined && (
          <Button variant="outline" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDeleting(true)}>
            {t('entry.delete')}
          </Button>
        )}
      </Group>
      {deletion !== undefined && (
        <DeleteEntryDialog
          name={entry.name}
          deletion={deletion}
          opened={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={() => onDeleted({ kind: deletion.withNoteAndFavourite ? 'deleted' : 'reverted', name: entry.name })}
        />
      )}
      <Text>{trustExplanation(entry, origin, t)}</Text>
      {/* Data text is mostly English: let it keep its own direction inside an Arabic page. */}
      {entry.description !== '' && (
        // Shipped descriptions are written in English; own and imported ones in whatever language they were typed.
        <Text className="prose" dir="auto" lang={origin === undefined ? 'en' : undefined}>
          {entry.description}
        </Text>
      )}
      {entry.description !== '' && origin === undefined && i18n.language !== 'en' && <NotTranslatedNote label={t('entry.englishOnly')} body={t('entry.englishOnlyBody')} />}

      <Section title={t('entry.contact')}>
        {entry.phones.length === 0 && entry.emails.length === 0 && entry.url === null && <Text>{t('entry.noContact')}</Text>}
        {entry.phones.map((phone, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <Text span size="sm" miw={90}>
              {t(`phoneTypes.${phone.type}`)}
            </Text>
            <PhoneLink phone={phone} />
            <CopyValue value={phone.number} label={t('entry.copyNumber', { number: phone.number })} />
            {phone.emergencyRoles.length > 0 && (
              <Text span size="sm">
                {phone.emergencyRoles.map(labels.term).join(', ')}
              </Text>
            )}
            {phone.unconfirmed && (
              <Text span size="sm" fw={600}>
                {t('verification.unconfirmedNumber')}
              </Text>
            )}
            {phone.description !== null && (
              <Text span size="sm" c="dimmed">
                {phone.description}
              </Text>
            )}
          </Group>
        ))}
        {entry.emails.map((email) => (
          <Group key={email} gap="xs">
            <Text span size="sm" miw={90}>
              {t('entry.email')}
            </Text>
            <EmailLink email={email} />
            <CopyValue value={email} label={t('entry.copyEmail', { email })} />
          </Group>
        ))}
        {entry.url !== null && (
          <Group gap="xs">
            <Text span size="sm" miw={90}>
              {t('entry.website')}
            </Text>
            <WebLink url={entry.url} />
            <CopyValue value={entry.url} label={t('entry.copyWebsite')} />
          </Group>
        )}
        {entry.channels.length > 0 && <Fact label={t('entry.channels')} value={entry.channels.map(labels.term).join(', ')} />}
      </Section>

      <Section title={t('entry.details')}>
        <Fact label={t('entry.open24x7')} value={yesNoUnknown} />
        {entry.hours !== null && <Fact label={t('entry.hours')} value={entry.hours} />}
        <Fact label={t('entry.countries')} value={entry.countries.length === 0 ? t('international') : entry.countries.map(labels.area).join(', ')} />
        {entry.services.length > 0 && <Fact label={t('entry.services')} value={entry.services.map(labels.term).join(', ')} />}
        <Fact label={t('entry.languages')} value={entry.languages.length === 0 ? t('entry.notStated') : entry.languages.map(labels.languageName).join(', ')} />
        <Fact label={t('entry.populations')} value={entry.populations.length === 0 ? t('entry.notStated') : entry.populations.map(labels.term).join(', ')} />
        {organization?.headquarters != null && <Address headquarters={organization.headquarters} onConfidentialEntry={entry.confidentialAddress} labels={labels} />}
      </Section>

      <Section title={t('entry.provenance')}>
        <Provenance entry={entry} own={origin !== undefined} labels={labels} />
        {entry.sources.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('entry.sources')}
            </Text>
            <ul>
              {entry.sources.map((source, i) => (
                <li key={i}>
                  <WebLink url={source} />
                </li>
              ))}
            </ul>
          </Stack>
        )}
      </Section>

      <NumberReports key={entry.id} entry={entry} labels={labels} />
      <PrivateNote entryId={entry.id} />
    </Stack>
  );
}

/** Asks before deleting, naming the entry; deleting cannot be undone. */
function DeleteEntryDialog({
  name,
  deletion,
  opened,
  onClose,
  onDeleted,
}: {
  name: string;
  deletion: OwnEntryDeletion;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('directory');
  const { store } = useVault();
  return (
    <ConfirmDeleteDialog
      opened={opened}
      onClose={onClose}
      title={t('entry.deleteTitle')}
      body={t(deletion.withNoteAndFavourite ? 'entry.deleteBody' : 'entry.deleteRevertBody', { name: isolate(name) })}
      confirmLabel={t('entry.deleteConfirm')}
      cancelLabel={t('form.cancel')}
      failedText={t('entry.deleteFailed')}
      onDelete={async () => {
        await deleteOwnEntry(store, deletion);
        onDeleted();
      }}
    />
  );
}

function trustExplanation(entry: DirectoryEntry, origin: Origin | undefined, t: (key: string) => string): string {
  if (origin !== undefined) return t(origin === 'added' ? 'entry.trustAdded' : 'entry.trustImported');
  return t(entry.verified ? 'entry.trustVerified' : 'entry.trustUnverified');
}

/** When the record was checked (or else when its facts were read), an old newest source, and the check's notes. */
function Provenance({ entry, own, labels }: { entry: DirectoryEntry; own: boolean; labels: Labels }) {
  const { t } = useTranslation('directory');
  const oldSource = oldSourceDate(entry, new Date());
  if (own) return null;
  return (
    <>
      <Text>{checkedSentence(entry, t, labels.date)}</Text>
      {oldSource !== null && (
        <Alert color="yellow" role="note">
          {t('verification.oldSource', { date: labels.date(oldSource) })}
        </Alert>
      )}
      {entry.notes !== null && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('verification.notes')}
          </Text>
          {/* The reference's own notes, in English. */}
          <Text size="sm" lang="en" dir="auto">
            {entry.notes}
          </Text>
        </Stack>
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

function WebLink({ url }: { url: string }) {
  if (!isWebLink(url))
    return (
      <Text span dir="ltr">
        {url}
      </Text>
    );
  return (
    <Anchor href={url} target="_blank" rel="noreferrer" dir="ltr">
      {url}
    </Anchor>
  );
}

/**
 * A confidential address is shown only on the confidential entry itself, behind a click; the organization's
 * other entries (a public hotline beside a shelter, say) do not show it at all.
 */
function Address({ headquarters, onConfidentialEntry, labels }: { headquarters: DirectoryHeadquarters; onConfidentialEntry: boolean; labels: Labels }) {
  const { t } = useTranslation('directory');
  const [revealed, setRevealed] = useState(false);
  const text = [headquarters.address, headquarters.city, headquarters.country === null ? null : labels.country(headquarters.country)]
    .filter((part) => part !== null && part !== '')
    .join(', ');
  if (text === '') return null;
  if (!headquarters.confidential && !onConfidentialEntry) return <Fact label={t('entry.address')} value={text} />;
  if (!onConfidentialEntry) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Text>
        <Text span fw={600}>
          {t('entry.address')}:
        </Text>{' '}
        {t('entry.confidentialAddress')}
      </Text>
      {revealed ? (
        <Text className={classes.confidential}>{text}</Text>
      ) : (
        <Button variant="default" size="xs" leftSection={<IconEye size={16} aria-hidden />} onClick={() => setRevealed(true)}>
          {t('entry.revealAddress')}
        </Button>
      )}
    </Stack>
  );
}

function FavouriteButton({ entryId }: { entryId: string }) {
  const { t } = useTranslation('directory');
  const { store } = useVault();
  const { directory, reload } = useDirectory();
  const favourite = directory.favourites.has(entryId);
  const toggle = useAction(
    async () => {
      await setFavourite(store, entryId, !favourite);
      await reload();
    },
    () => t('entry.favouriteFailed'),
  );
  return (
    <>
      <Button
        variant={favourite ? 'light' : 'default'}
        aria-pressed={favourite}
        leftSection={favourite ? <IconStarFilled size={18} aria-hidden /> : <IconStar size={18} aria-hidden />}
        onClick={() => void toggle.run()}
      >
        {t('entry.favourite')}
      </Button>
      <OutcomeAlert outcome={toggle.outcome} />
    </>
  );
}

type NoteState = { status: 'loading' } | { status: 'unreadable' } | { status: 'ready'; saved: string };

function PrivateNote({ entryId }: { entryId: string }) {
  const { t } = useTranslation('directory');
  const { store } = useVault();
  const [state, setState] = useState<NoteState>({ status: 'loading' });
  const [text, setText] = useState('');

  useEffect(() => {
    let cancelled = false;
    loadNote(store, entryId).then(
      (saved) => {
        if (cancelled) return;
        setState({ status: 'ready', saved });
        setText(saved);
      },
      () => !cancelled && setState({ status: 'unreadable' }),
    );
    return () => {
      cancelled = true;
    };
  }, [store, entryId]);

  const saving = useAction(
    async () => {
      await saveNote(store, entryId, text);
      setState({ status: 'ready', saved: text });
      return t('note.saved');
    },
    () => t('note.failed'),
  );

  return (
    <Section title={t('note.title')}>
      <Text size="sm" c="dimmed">
        {t('note.hint')}
      </Text>
      {state.status === 'unreadable' ? (
        <Alert color="red">{t('note.unreadable')}</Alert>
      ) : (
        <>
          <Textarea
            label={t('note.label')}
            autosize
            minRows={3}
            value={text}
            disabled={state.status === 'loading'}
            onChange={(event) => {
              setText(event.currentTarget.value);
              saving.reset();
            }}
          />
          <Group gap="sm">
            <Button onClick={() => void saving.run()} loading={saving.busy} disabled={state.status !== 'ready' || text === state.saved}>
              {t('note.save')}
            </Button>
            {/* A line of its own rather than an OutcomeAlert: the live region is there before anything is said in it. */}
            <Text role="status" size="sm" c={saving.outcome?.kind === 'error' ? 'red.8' : undefined}>
              {saving.outcome?.text ?? ''}
            </Text>
          </Group>
        </>
      )}
    </Section>
  );
}
