import { Component, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Paper, Stack, Title } from '@mantine/core';
import { IconDoorExit, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useVault } from '../features/vault';

interface CrashBoundaryProps {
  children: ReactNode;
  /** What to show instead of the broken part; `retry` renders it again. */
  fallback: (retry: () => void) => ReactNode;
  /** A change (another page) gives the children a fresh start. */
  resetKey: string;
}

interface CrashBoundaryState {
  failed: boolean;
  resetKey: string;
}

/**
 * Catches an error thrown while rendering below it, so one broken page (a bug, a record it did not
 * expect) cannot take the rest of the window with it: Lock and Quick exit live outside it. What is
 * saved is unaffected, as rendering never writes. The error itself is not kept or shown: its text can
 * quote a record.
 */
export class CrashBoundary extends Component<CrashBoundaryProps, CrashBoundaryState> {
  override state: CrashBoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<CrashBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: CrashBoundaryProps, state: CrashBoundaryState): Partial<CrashBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  private readonly retry = () => this.setState({ failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}

function CrashMessage({ retry, children }: { retry: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <Title order={1} tabIndex={-1}>
        {t('crash.title')}
      </Title>
      <Alert color="red">{t('crash.body')}</Alert>
      <Group>
        <Button onClick={retry}>{t('crash.tryAgain')}</Button>
        {children}
      </Group>
    </Stack>
  );
}

/** Around one section's page, inside the shell: the header and navigation stay usable. */
export function SectionCrashBoundary({ children }: { children: ReactNode }) {
  // Inside a nested route: the location is the section's own, and `~` leads out of it.
  const [location, navigate] = useLocation();
  const { t } = useTranslation();
  return (
    <CrashBoundary
      resetKey={location}
      fallback={(retry) => (
        <CrashMessage retry={retry}>
          {/* A fresh start too when the directory's own first page was the one that failed. */}
          <Button
            variant="default"
            onClick={() => {
              navigate('~/directory');
              retry();
            }}
          >
            {t('crash.back')}
          </Button>
        </CrashMessage>
      )}
    >
      {children}
    </CrashBoundary>
  );
}

/** Around the whole shell: if the shell itself fails, Lock and Quick exit are offered here. */
export function ShellCrashBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <CrashBoundary resetKey={location} fallback={(retry) => <ShellCrash retry={retry} />}>
      {children}
    </CrashBoundary>
  );
}

function ShellCrash({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  const { lock, quickExit } = useVault();
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder p="xl">
        <CrashMessage retry={retry}>
          <Button variant="default" leftSection={<IconLock size={18} aria-hidden />} onClick={lock}>
            {t('app.lock')}
          </Button>
          <Button color="red" leftSection={<IconDoorExit size={18} aria-hidden className="mirror-in-rtl" />} onClick={quickExit}>
            {t('app.quickExit')}
          </Button>
        </CrashMessage>
      </Paper>
    </Center>
  );
}
