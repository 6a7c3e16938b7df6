import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { CaseView } from '../../shared/contract';
import { formatChineseDate, officeDate } from '../../shared/domain/dates';
import { annualReviewDue } from '../../shared/domain/case-types';
import { call } from '../api/client';
import { useCodeTable, useDeskStatus } from '../api/queries';
import { Loaded } from '../shell/loaded';
import { PrintToolbar, SealLine } from '../shell/print-toolbar';

/** The sentence on every refusal: where the applicant may turn (行政复议法 §20: 60 days; 行政诉讼法 §46: 6 months). */
export const LEGAL_REMEDY = '如对本决定不服，可在收到本告知书之日起60日内依法申请行政复议，或者6个月内依法提起行政诉讼。';

/** 张三（身份证号 3205**********1234） or 某某公司（统一社会信用代码 91320…）, as the notice addresses them. */
export function applicantLine(c: Pick<CaseView, 'applicantKind' | 'applicantName' | 'applicantIdentifier'>): string {
  return `${c.applicantName}（${c.applicantKind === 'enterprise' ? '统一社会信用代码' : '身份证号'} ${c.applicantIdentifier}）`;
}

/** A paragraph of a notice, indented two characters as Chinese official letters are; the last one has no space below. */
function Para({ last, children, testId }: { last?: boolean; children: ReactNode; testId?: string }) {
  return <Text mb={last ? undefined : 'sm'} style={{ textIndent: '2em' }} data-testid={testId}>{children}</Text>;
}

/** The close of every refusal: the reason as recorded, where the applicant may turn, 特此告知. */
function RefusalClose({ reason }: { reason: string | null }) {
  return (
    <>
      <Para testId="notice-reason">理由：{reason}</Para>
      <Para>{LEGAL_REMEDY}</Para>
      <Para last>特此告知。</Para>
    </>
  );
}

/** The office's calendar day of the decision, on paper as 2026年11月27日. */
function decisionDate(c: CaseView): string {
  return formatChineseDate(officeDate(new Date(c.decidedAt!)));
}

/**
 * An A4 document about one case, as the applicant takes it home: letterhead
 * with the bureau's name, the title, the number, the body, and the seal line
 * with the day it speaks for. `ready` says whether the case is in the state
 * the document speaks of.
 */
export function CaseDocumentPage({ title, document, testId, ready, notReady, body, dated, loaded = true }: {
  title: string; document: string; testId: string; ready: (c: CaseView) => boolean; notReady: string; body: (c: CaseView) => ReactNode;
  /** The day printed under the seal. */
  dated: (c: CaseView) => string;
  /** False while something the body prints is still being read, so nothing half-filled can be printed. */
  loaded?: boolean;
}) {
  const id = Number(useParams().id);
  const view = useQuery({ queryKey: ['cases.get', id], queryFn: () => call('cases.get', { id }) });
  const status = useDeskStatus();
  return (
    <Loaded query={view}>
      {(c) => {
        if (!status.data || !loaded) return null;
        if (!ready(c)) return <Alert color="yellow">{notReady}</Alert>;
        const bureau = status.data.bureauName ?? '';
        return (
          <Stack maw={800}>
            <PrintToolbar back={{ to: `/cases/${c.id}`, label: '返回业务' }} record={{ document, entityType: 'case', entityId: String(c.id) }} />
            <div className="print-document" data-testid={testId}>
              <Text ta="center">{bureau}</Text>
              <Title order={2} ta="center" mb="md">{title}</Title>
              <Text ta="right" mb="sm">编号：{c.receiptNo}</Text>
              <Text mb="sm">{applicantLine(c)}：</Text>
              {body(c)}
              <SealLine bureau={bureau} date={dated(c)} />
            </div>
          </Stack>
        );
      }}
    </Loaded>
  );
}

/** A notice about a decided case, dated on the decision day. */
export function NoticePage({ ready, ...props }: Omit<Parameters<typeof CaseDocumentPage>[0], 'testId' | 'dated'>) {
  return <CaseDocumentPage {...props} testId="notice" ready={(c) => ready(c) && !!c.decidedAt} dated={decisionDate} />;
}

/**
 * A refusal notice: the decision in the case's state, the opening sentence
 * that says what was refused and when, then the reason and the remedies.
 */
export function RefusalNotice({ title, state, notReady, opening }: {
  title: string; state: CaseView['state']; notReady: string; opening: (c: CaseView) => ReactNode;
}) {
  return (
    <NoticePage
      title={title}
      document={title}
      ready={(c) => c.state === state}
      notReady={notReady}
      body={(c) => (
        <>
          <Para>{opening(c)}</Para>
          <RefusalClose reason={c.decisionComment} />
        </>
      )}
    />
  );
}

/** 不予批准告知书: the refusal, its reason as the reviewer recorded it, and the legal remedies. */
export function RefusalNoticePage() {
  return (
    <RefusalNotice
      title="不予批准告知书"
      state="rejected"
      notReady="该业务未作出不予批准的决定，没有告知书。"
      opening={(c) => `您于${formatChineseDate(c.acceptedOn!)}申请办理的${c.caseLabel}（受理编号 ${c.receiptNo}），经审核，我局于${decisionDate(c)}决定不予批准。`}
    />
  );
}

/** 认定结果通知: an approved 就业困难人员认定 — the category, the validity and the annual review. */
export function CertificationNoticePage() {
  // The category's name as it read at the decision (kept in the decision's snapshot); for decisions taken
  // before names were kept, from the administrator's table, retired entries included.
  const categories = useCodeTable('difficulty_categories');
  const categoryLabel = (code: string | null | undefined) => categories.data?.find((e) => e.code === code)?.label ?? code ?? '—';
  return (
    <NoticePage
      loaded={!categories.isPending}
      title="就业困难人员认定结果通知"
      document="认定结果通知"
      ready={(c) => c.state === 'approved' && c.caseType === 'difficulty_certification'}
      notReady="该业务不是已批准的就业困难人员认定，没有认定结果通知。"
      body={(c) => {
        const validFrom = c.form.validFrom ?? officeDate(new Date(c.decidedAt!));
        const review = annualReviewDue(officeDate(new Date(c.decidedAt!)), null);
        return (
          <>
            <Para>
              您于{formatChineseDate(c.acceptedOn!)}申请的就业困难人员认定（受理编号 {c.receiptNo}），经审核，符合条件，我局已认定您为就业困难人员。
            </Para>
            <Table withTableBorder mb="md">
              <Table.Tbody>
                <Table.Tr><Table.Td w={140}>认定类别</Table.Td><Table.Td data-testid="notice-category">{c.decisionSnapshot?.choiceLabels?.category ?? categoryLabel(c.form.category)}</Table.Td></Table.Tr>
                <Table.Tr>
                  <Table.Td>有效期</Table.Td>
                  <Table.Td>{c.form.validTo ? `${formatChineseDate(validFrom)}至${formatChineseDate(c.form.validTo)}` : `自${formatChineseDate(validFrom)}起（未定终止日期，以年度复核为准）`}</Table.Td>
                </Table.Tr>
                <Table.Tr><Table.Td>年度复核</Table.Td><Table.Td>请于{formatChineseDate(review)}前到我局参加年度复核</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
            <Para>
              认定期间，您可按规定享受就业困难人员就业援助政策。实现就业、家庭情况发生变化或不再符合认定条件的，请及时告知我局。
            </Para>
            <Para last>特此通知。</Para>
          </>
        );
      }}
    />
  );
}
