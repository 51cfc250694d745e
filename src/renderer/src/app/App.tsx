import { Center, DirectionProvider, Loader, MantineProvider } from '@mantine/core';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
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
          <Router hook={useHashLocation}>
            <Shell />
          </Router>
        </SettingsProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
