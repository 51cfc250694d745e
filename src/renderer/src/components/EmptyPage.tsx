import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A section's heading and an honest empty state that says what will be here. */
export function EmptyPage({ title, emptyTitle, emptyBody, icon }: { title: string; emptyTitle: string; emptyBody: string; icon: ReactNode }) {
  return (
    <Stack gap="lg">
      <Title order={1} tabIndex={-1}>
        {title}
      </Title>
      <Stack align="center" gap="xs" py="xl" maw={520} mx="auto" ta="center">
        {icon}
        <Title order={2} size="h3">
          {emptyTitle}
        </Title>
        <Text c="dimmed">{emptyBody}</Text>
      </Stack>
    </Stack>
  );
}
