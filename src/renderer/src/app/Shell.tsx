import { Suspense, useEffect, useRef } from 'react';
import { Anchor, AppShell, Burger, Button, Center, Group, Loader, NavLink, Title, Tooltip } from '@mantine/core';
import { IconDoorExit, IconLock } from '@tabler/icons-react';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { DueBanner } from '../features/followups';
import { useVault } from '../features/vault';
import { SectionCrashBoundary } from './CrashBoundary';
import { Notices } from './Notices';
import { sections } from './sections';

export function Shell() {
  const { t } = useTranslation();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const [location] = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const { lock, quickExit } = useVault();
  // Below the "sm" breakpoint the navigation folds away behind the menu button: out of sight, it is
  // taken out of the Tab order too, so focus never lands on a link no one can see.
  const folded = useMediaQuery('(max-width: 47.99em)') === true && !navigationOpen;

  useEffect(() => {
    performance.mark('waypoint:shell-shown');
  }, []);

  // After moving to another page, close the small-screen menu and start reading at its heading. A page
  // that is still loading shows its heading later, or swaps a loading heading for the real one: until
  // the person moves focus themselves, follow the current heading for a few seconds.
  useEffect(() => {
    close();
    const main = mainRef.current;
    if (!main) return;
    // Focus still where the navigation left it (the link, or nowhere) means the person has not moved on.
    const focusAtNavigation = document.activeElement;
    const focusHeading = () => {
      const active = document.activeElement;
      const untouched = active === focusAtNavigation || active === document.body || active === null;
      const heading = main.querySelector('h1');
      if (heading && heading !== active && (untouched || active?.tagName === 'H1')) heading.focus();
    };
    focusHeading();
    const observer = new MutationObserver(focusHeading);
    observer.observe(main, { childList: true, subtree: true });
    // The person's own click or key press ends the following at once; one in a dialog over the page (the
    // getting-started guide, shown while the first page loads) does not, as focus comes back to the page.
    const stop = () => {
      observer.disconnect();
      window.removeEventListener('pointerdown', onInput, { capture: true });
      window.removeEventListener('keydown', onInput, { capture: true });
    };
    const onInput = (event: Event) => {
      if (!(event.target instanceof Element && event.target.closest('[role="dialog"]'))) stop();
    };
    window.addEventListener('pointerdown', onInput, { capture: true });
    window.addEventListener('keydown', onInput, { capture: true });
    const timeout = window.setTimeout(stop, 5_000);
    return () => {
      stop();
      window.clearTimeout(timeout);
    };
  }, [location, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }} padding="lg">
      <Anchor
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md">
          <Burger
            opened={navigationOpen}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={navigationOpen ? t('app.closeNavigation') : t('app.openNavigation')}
            aria-expanded={navigationOpen}
            aria-controls="navigation"
          />
          <Title order={2} size="h4">
            {t('app.name')}
          </Title>
          <Group ms="auto" gap="xs">
            <Button variant="default" leftSection={<IconLock size={18} aria-hidden />} onClick={lock}>
              {t('app.lock')}
            </Button>
            <Tooltip label={t('app.quickExitHint')}>
              <Button color="red" leftSection={<IconDoorExit size={18} aria-hidden className="mirror-in-rtl" />} onClick={quickExit} aria-keyshortcuts="Escape Escape Escape">
                {t('app.quickExit')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="navigation" p="sm" component="nav" aria-label={t('nav.label')} inert={folded}>
        {sections.map((section) => (
          <NavLink
            key={section.path}
            component={Link}
            href={section.path}
            label={t(section.labelKey)}
            leftSection={<section.icon size={20} stroke={1.6} aria-hidden />}
            active={location.startsWith(section.path)}
            variant="filled"
            aria-current={location.startsWith(section.path) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <Notices />
        {/* Drawn with the shell (not loaded lazily): its read starts beside the case list's. */}
        <DueBanner />
        <Suspense
          fallback={
            <Center p="xl">
              <Loader role="status" aria-label={t('app.loading')} />
            </Center>
          }
        >
          <Switch>
            {sections.map((section) => (
              <Route key={section.path} path={section.path} nest>
                <SectionCrashBoundary>
                  <section.page />
                </SectionCrashBoundary>
              </Route>
            ))}
            <Route>
              <Redirect to="/directory" replace />
            </Route>
          </Switch>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
