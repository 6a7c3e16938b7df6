import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../api/client';
import { useSession } from '../api/queries';
import { PagedList } from '../shell/paged-list';
import { AftercareDialog, type AftercareCase } from './aftercare-dialog';

/** 连续6个月未联系: proposed for 注销; a reviewer confirms, a recorded contact dismisses. */
export function NoContactList() {
  const roles = useSession().data?.roles ?? [];
  const mayConfirm = roles.includes('reviewer') || roles.includes('head');
  const [confirming, setConfirming] = useState<AftercareCase | null>(null);
  return (
    <PagedList
      method="registrations.noContactProposals"
      fetchPage={(page, pageSize) => call('registrations.noContactProposals', { page, pageSize })}
      pageSize={20}
      summary={(data) => (
        <Text>最近一次联系（或登记）在 {data.cutoff} 及以前的登记失业人员共 {data.total} 人，建议以“连续6个月未联系”注销。{mayConfirm ? '' : '须由审核员确认注销；联系上的请记录联系。'}</Text>
      )}
      testId="no-contact"
      columns={['姓名', '登记日期', '最近联系', '未联系起算', '']}
      row={(p) => (
        <Table.Tr key={p.caseId}>
          <Table.Td><Anchor component={Link} to={`/persons/${p.personId}`}>{p.personName}</Anchor></Table.Td>
          <Table.Td>{p.registeredOn}</Table.Td>
          <Table.Td>{p.lastContactOn ?? '从未联系'}</Table.Td>
          <Table.Td>{p.countedFrom}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {mayConfirm && (
                <Button size="compact-xs" color="red" variant="light" onClick={() => setConfirming({ caseId: p.caseId, version: p.caseVersion, receiptNo: p.receiptNo, personName: p.personName, caseType: 'unemployment_registration' })}>
                  确认注销
                </Button>
              )}
              <Button size="compact-xs" variant="subtle" component={Link} to={`/persons/${p.personId}`}>记录联系</Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    >
      {confirming && <AftercareDialog theCase={confirming} step="registrations.cancel" fixedReason="no_contact_6_months" onClose={() => setConfirming(null)} />}
    </PagedList>
  );
}
