import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { call } from '../api/client';

const STATUS_TEXT = { unemployment_registration: '登记失业', difficulty_certification: '认定为就业困难人员' } as const;

/** 已在XX县登记失业 / 已在XX县认定: what the province's feed says of the person elsewhere, with the date of the province's data. Nothing when it says nothing. */
export function CrossCountyStanding({ personId }: { personId: number }) {
  const standing = useQuery({ queryKey: ['provinceFeed.personStanding', personId], queryFn: () => call('provinceFeed.personStanding', { personId }) });
  const s = standing.data;
  if (!s || (s.statuses.length === 0 && s.subsidies.length === 0)) return null;
  return (
    <Alert color="orange" title="省级数据：本人在外县的情况" data-testid="cross-county-standing">
      <Stack gap={4}>
        {s.statuses.map((x) => (
          <Group key={`${x.countyCode}-${x.kind}`} gap="xs">
            <Badge color="orange" variant="light">已在{x.countyName}{x.kind === 'unemployment_registration' ? '登记失业' : '认定'}</Badge>
            <Text size="sm">{x.since} 起{STATUS_TEXT[x.kind]}</Text>
          </Group>
        ))}
        {s.subsidies.map((x) => (
          <Text size="sm" key={`${x.countyCode}-${x.policyCode}-${x.periodFrom}`}>
            已在{x.countyName}享受{x.policyName}（{x.periodFrom} 至 {x.periodTo}，{(x.amountFen / 100).toLocaleString('zh-CN')}元）
          </Text>
        ))}
        {s.asOf && <Text size="xs" c="dimmed">据省级数据，截至 {formatOfficeTimestamp(s.asOf)}</Text>}
      </Stack>
    </Alert>
  );
}
