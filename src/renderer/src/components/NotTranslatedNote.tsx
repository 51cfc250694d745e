import { Badge, Text } from '@mantine/core';

/** Says that the text around it is shown in English only: a short label, then why. */
export function NotTranslatedNote({ label, body }: { label: string; body: string }) {
  return (
    <Text size="sm" c="dimmed">
      <Badge tt="none" variant="light" color="gray" me="xs">
        {label}
      </Badge>
      {body}
    </Text>
  );
}
