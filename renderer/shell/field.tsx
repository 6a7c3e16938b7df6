import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact of a record (profile, case, visit): the label small above, the value or —, and an action beside it. */
export function Field({ label, value, action }: { label: string; value: ReactNode; action?: ReactNode }) {
  const shown = <Text>{value || '—'}</Text>;
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      {action ? <Group gap="xs">{shown}{action}</Group> : shown}
    </div>
  );
}
