import { memo, useId } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '@shared/followups';
import { SnoozeDialog, useFollowUpRow } from './FollowUpItem';
import { LinkedRecord } from './LinkedRecord';
import classes from './agenda.module.css';

export interface AgendaRowProps {
  followUp: FollowUp;
  /** The views of the kind filter it is shown in (drawn-rows.ts). */
  views: string;
  /** The case's code; undefined while the case list is read, null when no case has this id. */
  code: string | null | undefined;
  onSave: (followUp: FollowUp) => Promise<void>;
}

/**
 * One row of the agenda: the case code (never the alias), the kind, the title, when it is due, and what can be
 * done to it. Plain elements (agenda.module.css), as the case list's rows: a filter choice draws up to 50 of them.
 * Each button is described by the row's title, so a screen reader says which follow-up "Mark done" is for.
 */
export const AgendaRow = memo(function AgendaRow({ followUp, views, code, onSave }: AgendaRowProps) {
  const { t } = useTranslation('followups');
  const row = useFollowUpRow(followUp, onSave);
  const titleId = useId();
  return (
    <li className={classes.row} data-in={views}>
      <div className={classes.heading}>
        <span className={classes.case}>{code ? t('row.case', { code }) : code === null ? t('row.unknownCase') : '…'}</span>
        <span className={classes.dimmed}>{t(`kinds.${followUp.kind}`)}</span>
      </div>
      <p className={classes.title} dir="auto" id={titleId}>
        {followUp.title}
      </p>
      <p className={classes.line}>{row.when}</p>
      {followUp.link && <LinkedRecord caseId={followUp.caseId} link={followUp.link} />}
      <div className={classes.actions}>
        {followUp.status === 'open' ? (
          <>
            <button type="button" className={classes.button} aria-describedby={titleId} onClick={row.markDone}>
              {t('actions.done')}
            </button>
            <button type="button" className={classes.button} data-variant="default" aria-describedby={titleId} onClick={() => row.setSnoozing(true)}>
              {t('actions.snooze')}
            </button>
          </>
        ) : (
          <button type="button" className={classes.button} data-variant="default" aria-describedby={titleId} onClick={row.reopen}>
            {t('actions.reopen')}
          </button>
        )}
        {code && (
          <a href={`#/cases/${encodeURIComponent(followUp.caseId)}`} className={classes.link}>
            {t('actions.openCase')} <bdi>{code}</bdi>
          </a>
        )}
      </div>
      {row.failed && (
        <Alert color="red" role="alert" title={t('errors.saveTitle')}>
          {t('errors.save')}
        </Alert>
      )}
      {row.snoozing && <SnoozeDialog onClose={() => row.setSnoozing(false)} onSnooze={row.snooze} />}
    </li>
  );
});
