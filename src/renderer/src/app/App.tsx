import { Center, DirectionProvider, Loader, MantineProvider } from '@mantine/core';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { VaultGate } from '../features/vault/VaultGate';
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
              <Loader aria-label="Loading" />
            </Center>
          }
        >
          <VaultGate>
            <Router hook={useHashLocation}>
              <Shell />
            </Router>
          </VaultGate>
        </SettingsProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
