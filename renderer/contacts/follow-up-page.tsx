import { Alert, Anchor, Badge, Button, Group, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InForceMatter } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';
import { useSession } from '../api/queries';
import { AftercareDialog } from '../registrations/registrations-section';

const PAGE_SIZE = 20;

function Pages({ total, page, onChange }: { total: number; page: number; onChange: (p: number) => void }) {
  return total > PAGE_SIZE ? <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={onChange} /> : null;
}

/** 待跟踪联系: registrations whose first contact is due or overdue; the contact is recorded on the profile. */
function FollowUps() {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['contacts.followUpsDue', page], queryFn: () => call('contacts.followUpsDue', { page, pageSize: PAGE_SIZE }) });
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const data = list.data;
  if (!data) return null;
  return (
    <Stack>
      <Text>共 {data.total} 人待跟踪联系，其中 <Text span c="red" fw={700}>{data.overdue}</Text> 人已逾期（失业登记受理后5个工作日内应联系）。</Text>
      {data.total > 0 && (
        <Table withTableBorder striped data-testid="follow-ups">
          <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>手机</Table.Th><Table.Th>登记日期</Table.Th><Table.Th>应联系日期</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.caseId} bg={i.overdue ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td><Anchor component={Link} to={`/persons/${i.personId}`}>{i.personName}</Anchor></Table.Td>
                <Table.Td>{i.phoneMasked ?? '—'}</Table.Td>
                <Table.Td>{i.acceptedOn}</Table.Td>
                <Table.Td>{i.followUpDue} {i.overdue && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
                <Table.Td><Button size="compact-xs" variant="light" component={Link} to={`/persons/${i.personId}`}>记录联系</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pages total={data.total} page={page} onChange={setPage} />
    </Stack>
  );
}

/** 连续6个月未联系: proposed for 注销; a reviewer confirms, a recorded contact dismisses. */
function NoContact() {
  const [page, setPage] = useState(1);
  const roles = useSession().data?.roles ?? [];
  const mayConfirm = roles.includes('reviewer') || roles.includes('head');
  const [confirming, setConfirming] = useState<InForceMatter | null>(null);
  const list = useQuery({ queryKey: ['registrations.noContactProposals', page], queryFn: () => call('registrations.noContactProposals', { page, pageSize: PAGE_SIZE }) });
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const data = list.data;
  if (!data) return null;
  return (
    <Stack>
      <Text>最近一次联系（或登记）在 {data.cutoff} 及以前的登记失业人员共 {data.total} 人，建议以“连续6个月未联系”注销。{mayConfirm ? '' : '须由审核员确认注销；联系上的请记录联系。'}</Text>
      {data.total > 0 && (
        <Table withTableBorder striped data-testid="no-contact">
          <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>登记日期</Table.Th><Table.Th>最近联系</Table.Th><Table.Th>未联系起算</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.items.map((p) => (
              <Table.Tr key={p.caseId}>
                <Table.Td><Anchor component={Link} to={`/persons/${p.personId}`}>{p.personName}</Anchor></Table.Td>
                <Table.Td>{p.registeredOn}</Table.Td>
                <Table.Td>{p.lastContactOn ?? '从未联系'}</Table.Td>
                <Table.Td>{p.countedFrom}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {mayConfirm && (
                      <Button size="compact-xs" color="red" variant="light" onClick={() => setConfirming({ caseId: p.caseId, version: p.caseVersion, receiptNo: p.receiptNo, personName: p.personName, matterType: 'unemployment_registration' } as InForceMatter)}>
                        确认注销
                      </Button>
                    )}
                    <Button size="compact-xs" variant="subtle" component={Link} to={`/persons/${p.personId}`}>记录联系</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pages total={data.total} page={page} onChange={setPage} />
      {confirming && <AftercareDialog matter={confirming} step="registrations.cancel" fixedReason="no_contact_6_months" onClose={() => setConfirming(null)} />}
    </Stack>
  );
}

/** 年度复核: certifications whose review falls within 30 days or is past. */
function ReviewsDue() {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['certifications.reviewsDue', page], queryFn: () => call('certifications.reviewsDue', { withinDays: 30, page, pageSize: PAGE_SIZE }) });
  if (list.isError) return <Alert color="red">{errorMessage(list.error)}</Alert>;
  const data = list.data;
  if (!data) return null;
  const today = officeDate(new Date());
  return (
    <Stack>
      <Text>30天内到期或已逾期的年度复核共 {data.total} 件；在人员画像“登记与认定”中记录复核。</Text>
      {data.total > 0 && (
        <Table withTableBorder striped data-testid="reviews-due">
          <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>认定</Table.Th><Table.Th>有效期</Table.Th><Table.Th>应复核日期</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.items.map((m) => (
              <Table.Tr key={m.caseId}>
                <Table.Td><Anchor component={Link} to={`/persons/${m.personId}`}>{m.personName}</Anchor></Table.Td>
                <Table.Td>{m.receiptNo}{m.status === 'suspended' && <Badge ml="xs" size="xs" color="orange">暂停</Badge>}</Table.Td>
                <Table.Td>{m.validFrom} 至 {m.validTo ?? '长期'}</Table.Td>
                <Table.Td>{m.reviewDue} {m.reviewDue !== null && m.reviewDue < today && <Badge color="red" size="xs">已逾期</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pages total={data.total} page={page} onChange={setPage} />
    </Stack>
  );
}

const VIEWS = { followUps: '待跟踪联系', noContact: '6个月未联系（建议注销）', reviews: '困难认定年度复核' } as const;

/** 职业指导 → the counselors' and front desk's work lists after registration. */
export function FollowUpPage() {
  const roles = useSession().data?.roles ?? [];
  const reviewerFirst = (roles.includes('reviewer') || roles.includes('head')) && !roles.includes('counselor') && !roles.includes('front_desk');
  const [view, setView] = useState<keyof typeof VIEWS>(reviewerFirst ? 'noContact' : 'followUps');
  return (
    <Stack maw={1100}>
      <Title order={2}>跟踪服务</Title>
      <SegmentedControl value={view} onChange={(v) => setView(v as keyof typeof VIEWS)} data={Object.entries(VIEWS).map(([value, label]) => ({ value, label }))} />
      {view === 'followUps' && <FollowUps />}
      {view === 'noContact' && <NoContact />}
      {view === 'reviews' && <ReviewsDue />}
    </Stack>
  );
}
