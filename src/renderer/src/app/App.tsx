import { Center, DirectionProvider, Loader, MantineProvider } from '@mantine/core';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';

// Links like #/directory?country=GB keep their query inside the hash: routes match the path part and
// useSearch() reads the query part.
function useHashPath(): [string, ReturnType<typeof useHashLocation>[1]] {
  const [location, navigate] = useHashLocation();
  return [location.split('?')[0] ?? '/', navigate];
}

function useHashSearch(): string {
  return useHashLocation()[0].split('?')[1] ?? '';
}
import { VaultGate } from '../features/vault';
import { ShellCrashBoundary } from './CrashBoundary';
import { SettingsProvider } from './SettingsProvider';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <DirectionProvider detectDirection>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <SettingsProvider
          fallback={
            <Center h="100vh">
              <Loader role="status" aria-label="Loading" />
            </Center>
          }
        >
          <VaultGate>
            <Router hook={useHashPath} searchHook={useHashSearch}>
              <ShellCrashBoundary>
                <Shell />
              </ShellCrashBoundary>
            </Router>
          </VaultGate>
        </SettingsProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
