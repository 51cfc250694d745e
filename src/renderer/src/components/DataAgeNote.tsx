import { Alert, Text } from '@mantine/core';
import { bundledDataMaxAgeMonths, olderThanMonths } from '@shared/data-age';

/**
 * When the shipped data was built and from what; once it is more than a year old, a warning that it may be
 * out of date (the app is offline and never updates itself, so only its age can tell).
 */
export function DataAgeNote({ builtOn, built, stale, now = new Date() }: { builtOn: string; built: string; stale: string; now?: Date }) {
  if (!olderThanMonths(builtOn, bundledDataMaxAgeMonths, now)) {
    return (
      <Text size="sm" c="dimmed" data-testid="data-age">
        {built}
      </Text>
    );
  }
  return (
    <Alert color="yellow" role="note" data-testid="data-age">
      <Text size="sm">{built}</Text>
      <Text size="sm" fw={600}>
        {stale}
      </Text>
    </Alert>
  );
}
