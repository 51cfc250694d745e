import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Group, Modal, Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { templateInLanguage, type ChecklistTemplate } from '@shared/checklists';
import { followUpsByDefault, renderPrintDocument, type Paper, type PrintLabels, type Redaction } from '@shared/print';
import { languages, type Language } from '@shared/languages';
import { savePdf } from './api';
import { languageNames } from '../../i18n';
import { ConfirmPassphraseField, VaultContext } from '../vault';
import { errorMessage } from '../../i18n/error-message';
import { OutcomeAlert } from '../../components/OutcomeAlert';
import { useAction } from '../../components/use-action';
import { loadShippedTemplates } from '../checklists';
import { loadCase, type CaseTarget } from './load-case';

/**
 * What to export: a case summary, one filled checklist of a case, or a blank template for paper. A case's
 * document takes the context its checklists are shown with (the page's, for the country); the answers of
 * all the case's checklists are added to it when it is printed (loadCase, renderPrintDocument), as the runner does.
 */
export type ExportTarget = CaseTarget | { kind: 'blankChecklist'; template: ChecklistTemplate };

export type ExportPdfDialogProps = ExportTarget & { opened: boolean; onClose(): void };

/** The case was deleted while the dialog was open. */
class CaseGone extends Error {}

/** The words of the document in the chosen language (which may differ from the interface's, and so may not be loaded yet). */
async function printLabels(i18n: ReturnType<typeof useTranslation>['i18n'], language: Language): Promise<PrintLabels> {
  await i18n.loadNamespaces(['export', 'cases', 'followups']);
  await i18n.loadLanguages(language);
  const labels = i18n.getResource(language, 'export', 'print') as PrintLabels;
  const values = i18n.getResource(language, 'cases', 'values') as PrintLabels['values'] | undefined;
  const followUpKinds = i18n.getResource(language, 'followups', 'kinds') as PrintLabels['followUpKinds'] | undefined;
  return { ...labels, ...(values ? { values } : {}), ...(followUpKinds ? { followUpKinds } : {}) };
}

/**
 * The choices before a PDF is made (what to include, paper, language), with the warning that a PDF
 * is not encrypted. The document is rendered here from the decrypted records; main prints it and
 * writes it only where the caseworker chooses. A case's document with its values (every level but
 * structure only) carries the person's profile and answers: it asks for the vault passphrase, which
 * main checks before printing. A blank checklist or the structure alone says nothing about a person.
 */
export function ExportPdfDialog(props: ExportPdfDialogProps) {
  const { t, i18n } = useTranslation('export');
  const { t: tShared } = useTranslation();
  const vault = useContext(VaultContext);
  const [redaction, setRedaction] = useState<Redaction>('noAliasNoNotes');
  const [withFollowUps, setWithFollowUps] = useState(() => followUpsByDefault(redaction));
  const [paper, setPaper] = useState<Paper>('A4');
  const [language, setLanguage] = useState<Language>((languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en');
  const [done, setDone] = useState(false);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [documentTitle, setDocumentTitle] = useState('');
  const blank = props.kind === 'blankChecklist';
  const identifying = !blank && redaction !== 'structureOnly';

  const exporting = useAction(
    async () => {
      const [labels, shipped] = await Promise.all([printLabels(i18n, language), loadShippedTemplates()]);
      // A shipped checklist prints in the document's language where it comes in it; answers follow by question.
      const translate = (template: ChecklistTemplate) => templateInLanguage(template, shipped, language);
      const common = { language, paper, redaction, labels, title: documentTitle };
      let options;
      if (props.kind === 'blankChecklist') {
        options = { ...common, kind: props.kind, template: translate(props.template) };
      } else {
        const loaded = vault ? await loadCase(vault.store, props) : null;
        if (!loaded) throw new CaseGone();
        const checklists = loaded.checklists.map((checklist) => ({
          ...checklist,
          instance: { ...checklist.instance, templateSnapshot: translate(checklist.instance.templateSnapshot) },
        }));
        const { followUps, ...records } = { followUps: undefined, ...loaded };
        options = { ...common, kind: props.kind, ...records, checklists, ...(followUps && withFollowUps ? { followUps } : {}) };
      }
      const document = renderPrintDocument(options);
      const result = await savePdf({
        html: document.html,
        headerTemplate: document.headerTemplate,
        footerTemplate: document.footerTemplate,
        paper,
        suggestedName: document.suggestedName,
        ...(identifying ? { vaultPassphrase } : {}),
      });
      setVaultPassphrase('');
      if (!result.saved || !result.path) return t('dialog.cancelled');
      setDone(true);
      return t('dialog.saved', { path: result.path });
    },
    (error) => (error instanceof CaseGone ? t('dialog.notFound') : errorMessage(tShared, error)),
  );

  const close = () => {
    exporting.reset();
    setDone(false);
    setVaultPassphrase('');
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('dialog.title')} size="lg" closeButtonProps={{ 'aria-label': t('app.closeDialog', { ns: 'translation' }) }}>
      <Stack gap="md">
        {blank ? (
          <Text>{t('dialog.blankInfo')}</Text>
        ) : (
          <Stack gap="xs">
            <Radio.Group
              label={t('dialog.include')}
              value={redaction}
              onChange={(value) => {
                setRedaction(value as Redaction);
                setWithFollowUps(followUpsByDefault(value as Redaction));
              }}
            >
              <Stack gap="xs" mt="xs">
                {(['full', 'noAliasNoNotes', 'structureOnly'] as const).map((level) => (
                  <Radio key={level} value={level} label={t(`dialog.redaction.${level}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {props.kind === 'caseSummary' && (
              <Checkbox
                label={t('dialog.followUps')}
                description={t('dialog.followUpsHelp')}
                checked={withFollowUps}
                onChange={(event) => setWithFollowUps(event.currentTarget.checked)}
              />
            )}
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="export-paper-label">
            {t('dialog.paper')}
          </Text>
          <SegmentedControl
            aria-labelledby="export-paper-label"
            value={paper}
            onChange={(value) => setPaper(value as Paper)}
            data={[
              { value: 'A4', label: t('dialog.paperA4') },
              { value: 'Letter', label: t('dialog.paperLetter') },
            ]}
          />
        </Stack>
        <Select
          label={t('dialog.language')}
          value={language}
          allowDeselect={false}
          onChange={(value) => value && setLanguage(value as Language)}
          data={languages.map((code) => ({ value: code, label: languageNames[code] }))}
        />
        {/* Only what the caseworker types here names the file in its properties; autocomplete off keeps it out of the browser profile. */}
        <TextInput
          label={t('dialog.documentTitle')}
          description={t('dialog.documentTitleHelp')}
          value={documentTitle}
          onChange={(event) => setDocumentTitle(event.currentTarget.value)}
          maxLength={200}
          autoComplete="off"
        />
        {!blank && (
          <Alert color="orange" title={t('dialog.warningTitle')}>
            {t('dialog.warning')}
          </Alert>
        )}
        {identifying && !done && <ConfirmPassphraseField value={vaultPassphrase} onChange={setVaultPassphrase} onSubmit={() => void exporting.run()} />}
        <OutcomeAlert outcome={exporting.outcome} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {done ? t('dialog.close') : t('dialog.cancel')}
          </Button>
          {!done && (
            <Button onClick={() => void exporting.run()} loading={exporting.busy} disabled={identifying && !vaultPassphrase}>
              {t('dialog.export')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A button that opens the export dialog; the cases and checklists pages mount it:
 * `<ExportPdfButton kind="caseSummary" caseId={id} />`,
 * `<ExportPdfButton kind="filledChecklist" caseId={id} checklistId={checklistId} />`,
 * `<ExportPdfButton kind="blankChecklist" template={template} />`.
 */
export function ExportPdfButton(props: ExportTarget & { variant?: string }) {
  const { t } = useTranslation('export');
  const [opened, { open, close }] = useDisclosure(false);
  const { variant = 'default', ...target } = props;
  return (
    <>
      <Button variant={variant} onClick={open}>
        {t(`button.${props.kind}`)}
      </Button>
      {opened && <ExportPdfDialog {...target} opened={opened} onClose={close} />}
    </>
  );
}
