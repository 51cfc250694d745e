import type { ReactNode } from 'react';
import { Center, Paper, Stack, Title } from '@mantine/core';

/** The neutral frame of every screen shown before unlock: the name "Waypoint" and nothing more. */
export function LockScreenLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h2" tabIndex={-1}>
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
