import { Table, Text } from '@mantine/core';
import { formatChineseDate } from '../../shared/domain/dates';
import { CaseDocumentPage } from './notice-pages';

/** 受理回执: what the applicant takes home — number, date, case, documents received, the due date. */
export function ReceiptPage() {
  return (
    <CaseDocumentPage
      title="受理回执"
      document="受理回执"
      testId="receipt"
      ready={(c) => !!c.receiptNo && !!c.acceptedOn}
      notReady="该业务尚未受理，没有受理回执。"
      dated={(c) => formatChineseDate(c.acceptedOn!)}
      body={(c) => (
        <>
          <Text mb="sm">
            您于{formatChineseDate(c.acceptedOn!)}申请办理的{c.caseLabel}，我局已受理。我们将在{formatChineseDate(c.dueDate!)}前办结，请保持电话畅通。
          </Text>
          <Text fw={600} mb={4}>已收取的材料</Text>
          <Table withTableBorder mb="md">
            <Table.Tbody>
              {c.documents.filter((d) => d.received).map((d, i) => (
                <Table.Tr key={d.code}><Table.Td w={60}>{i + 1}</Table.Td><Table.Td>{d.label}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text>受理人：{c.acceptedByName}</Text>
        </>
      )}
    />
  );
}
