import type { ReactNode } from 'react';
import { Center, Loader, Stack, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDot, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '@shared/cases';
import { LoadFailedAlert } from '../../components/LoadFailedAlert';
import classes from './cases.module.css';

const statusIcon: Record<CaseStatus, ReactNode> = {
  open: <IconCircleDot size={14} aria-hidden />,
  referred: <IconSend size={14} aria-hidden className="mirror-in-rtl" />,
  closed: <IconCircleCheck size={14} aria-hidden />,
};

/**
 * The status in words (`label`, the translation of `status.<status>`), with an icon and colour only
 * as extras (cases.module.css). The caller translates, so a list's rows need no translation hook each.
 */
export function StatusBadge({ status, label }: { status: CaseStatus; label: string }) {
  return (
    <span className={classes.status} data-status={status}>
      {statusIcon[status]}
      {label}
    </span>
  );
}

/** A page's one heading, focusable so moving between pages starts reading there. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} tabIndex={-1}>
      {children}
    </Title>
  );
}

/** While cases are read, or when they could not be. */
export function CasesLoadState({ title, status, onRetry }: { title: string; status: 'loading' | 'error'; onRetry: () => void }) {
  const { t } = useTranslation('cases');
  return (
    <Stack gap="lg">
      <PageTitle>{title}</PageTitle>
      {status === 'loading' ? (
        <Center p="xl">
          <Loader role="status" aria-label={t('loading')} />
        </Center>
      ) : (
        <LoadFailedAlert title={t('loadError.title')} onRetry={onRetry} />
      )}
    </Stack>
  );
}
