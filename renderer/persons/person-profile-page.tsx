import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EDUCATION_LEVELS, ETHNICITIES, HEALTH_STATUSES, POLITICAL_STATUSES } from '../../shared/domain/code-tables';
import { formatOfficeTimestamp } from '../../shared/domain/dates';
import { labelOf } from '../../shared/domain/enterprise-codes';
import { CASE_TYPE_CODES, CASE_TYPES } from '../../shared/domain/case-types';
import { EMPLOYMENT_STATUS_LABELS, FEMALE_RETIREMENT_LABELS, HOUSEHOLD_TYPE_LABELS, LOW_INCOME_LABELS, SEX_LABELS } from '../../shared/labels/zh-CN';
import { call, errorMessage } from '../api/client';
import { queryKeys, useCan } from '../api/queries';
import { Field } from '../shell/field';
import { MergeDialog } from './merge-dialog';
import { PersonEditDialog } from './person-edit-dialog';
import { RegistrationsSection } from '../registrations/registrations-section';
import { ContactsSection } from '../contacts/contacts-section';
import { PersonGuidanceSection } from '../guidance/person-guidance-section';
import { PersonMatchesSection } from '../matching/person-matches-section';
import { PersonFactsSection } from '../facts/person-facts-section';
import { PolicyVerdictPanel } from '../policies/policy-verdict-panel';
import { KeyGroupBadges, PersonCorrections, TimelineSections } from './person-sections';
import { QualificationsSection } from './qualifications-section';
import { CrossCountyStanding } from '../exchange/cross-county-standing';

/** Shows the full value of one field of this record; the backend audits every reveal. */
function RevealButton({ personId, field, onValue }: { personId: number; field: 'idNumber' | 'phone' | 'phone2'; onValue: (v: string | null) => void }) {
  const reveal = useMutation({ mutationFn: () => call('persons.reveal', { id: personId, field }), onSuccess: (r) => onValue(r.value) });
  return (
    <Button size="compact-xs" variant="subtle" loading={reveal.isPending} onClick={() => reveal.mutate()} title="查看完整信息会记入审计日志">
      显示完整
    </Button>
  );
}

const yuan = (fen: number | null) => (fen === null ? null : `${(fen / 100).toLocaleString('zh-CN')}元`);

/** 画像: who the person is, which key groups they belong to, and every service they received. */
export function PersonProfilePage() {
  const id = Number(useParams().id);
  const canReveal = useCan('persons.reveal');
  const canWrite = useCan('persons.write');
  const canMerge = useCan('persons.merge');
  const canPrepare = useCan('cases.prepare');
  const canContact = useCan('contacts.write');
  const canGuide = useCan('guidance.write');
  const canSeeCases = useCan('cases.read');
  const canJudge = useCan('policies.find');
  const [revealed, setRevealed] = useState<Partial<Record<'idNumber' | 'phone' | 'phone2', string | null>>>({});
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const person = useQuery({ queryKey: queryKeys.person(id), queryFn: () => call('persons.get', { id }), enabled: Number.isInteger(id) && id > 0 });
  if (person.isError) return <Alert color="red">{errorMessage(person.error)}</Alert>;
  const p = person.data;
  if (!p) return null;
  const reveal = (field: 'idNumber' | 'phone' | 'phone2', masked: string | null) =>
    canReveal && masked && revealed[field] === undefined ? <RevealButton personId={p.id} field={field} onValue={(v) => setRevealed((r) => ({ ...r, [field]: v }))} /> : undefined;
  return (
    <Stack maw={1100}>
      {p.mergedIntoId !== null && (
        <Alert color="gray">本档案已并入 <Link to={`/persons/${p.mergedIntoId}`}>编号 {p.mergedIntoId} 的档案</Link>，仅供查阅。</Alert>
      )}
      <Group justify="space-between">
        <Group>
          <Title order={2} data-testid="profile-name">{p.name}</Title>
          <Badge variant="light">{SEX_LABELS[p.sex]}</Badge>
          <Badge variant="light">{p.age}岁</Badge>
          <Badge variant="filled" data-testid="employment-status">{EMPLOYMENT_STATUS_LABELS[p.employmentStatus]}</Badge>
        </Group>
        <Group>
          {canWrite && p.mergedIntoId === null && <Button onClick={() => setEditing(true)}>更正信息</Button>}
          {canMerge && p.mergedIntoId === null && <Button variant="default" onClick={() => setMerging(true)}>合并重复档案</Button>}
          <Button variant="default" component={Link} to={`/persons/${p.id}/access-report`}>个人信息查询报告</Button>
          <Button variant="default" component={Link} to="/persons">返回查询</Button>
        </Group>
      </Group>
      <KeyGroupBadges tags={p.keyGroups} />
      <CrossCountyStanding personId={p.id} />
      {canPrepare && p.mergedIntoId === null && (
        <Group gap="xs" data-testid="quick-actions">
          <Text size="sm" c="dimmed">办理业务：</Text>
          {CASE_TYPE_CODES.filter((code) => CASE_TYPES[code].applicants.includes('person')).map((code) => (
            <Button key={code} size="xs" variant="light" component={Link} to={`/cases/new?person=${p.id}&type=${code}`}>{CASE_TYPES[code].label}</Button>
          ))}
        </Group>
      )}
      <Paper withBorder p="lg">
        <Title order={4} mb="sm">基本信息</Title>
        <SimpleGrid cols={4}>
          <Field label="身份证号" value={revealed.idNumber ?? p.idNumberMasked} action={reveal('idNumber', p.idNumberMasked)} />
          <Field label="出生日期" value={p.birthDate} />
          <Field label="手机号码" value={revealed.phone ?? p.phoneMasked} action={reveal('phone', p.phoneMasked)} />
          <Field label="备用电话" value={revealed.phone2 ?? p.phone2Masked} action={reveal('phone2', p.phone2Masked)} />
          <Field label="民族" value={labelOf(ETHNICITIES, p.ethnicityCode)} />
          <Field label="政治面貌" value={labelOf(POLITICAL_STATUSES, p.politicalStatusCode)} />
          <Field label="健康状况" value={labelOf(HEALTH_STATUSES, p.healthStatus)} />
          <Field label="法定退休" value={`${p.retirement.label}（${p.retirement.date}）`} />
          <Field label="户口性质" value={p.householdType ? HOUSEHOLD_TYPE_LABELS[p.householdType] : null} />
          <Field label="户籍所在地" value={p.householdDivisionName ?? (p.householdDivisionCode && `区划代码 ${p.householdDivisionCode}`)} />
          <Field label="户籍地址" value={p.householdAddress} />
          <Field label="居住乡镇（街道）" value={p.residenceTownshipName} />
          <Field label="居住村（社区）" value={p.residenceVillageName} />
          <Field label="详细地址" value={p.address} />
          <Field label="文化程度" value={labelOf(EDUCATION_LEVELS, p.educationCode)} />
          <Field label="毕业学校 / 专业" value={[p.school, p.major].filter(Boolean).join(' / ') || null} />
          <Field label="毕业日期" value={p.graduationDate} />
          <Field label="求职意向" value={[p.intendedOccupationCode, p.intendedPlace].filter(Boolean).join(' · ') || null} />
          <Field label="期望月薪" value={p.intendedSalaryMinFen !== null || p.intendedSalaryMaxFen !== null ? `${yuan(p.intendedSalaryMinFen) ?? '—'} ～ ${yuan(p.intendedSalaryMaxFen) ?? '—'}` : null} />
          <Field label="培训意愿" value={p.trainingWishes} />
          <Field label="帮扶情况" value={[p.disabilityGrade ? `残疾${p.disabilityGrade}级` : '', p.lowIncomeStatus ? LOW_INCOME_LABELS[p.lowIncomeStatus] : '', p.isVeteran ? '退役军人' : '', p.femaleRetirementCategory ? FEMALE_RETIREMENT_LABELS[p.femaleRetirementCategory] : ''].filter(Boolean).join('、') || null} />
          <Field label="登记时间" value={formatOfficeTimestamp(p.createdAt)} />
          <Field label="最后更新" value={formatOfficeTimestamp(p.updatedAt)} />
        </SimpleGrid>
      </Paper>
      {canSeeCases && <RegistrationsSection personId={p.id} />}
      <ContactsSection person={p} canWrite={canContact} />
      <PersonGuidanceSection person={p} canWrite={canGuide} />
      {p.mergedIntoId === null && <PersonMatchesSection personId={p.id} />}
      <QualificationsSection person={p} canWrite={canWrite} />
      <PersonFactsSection personId={p.id} />
      {canJudge && p.mergedIntoId === null && <PolicyVerdictPanel key={p.id} subject={{ personId: p.id }} />}
      <TimelineSections personId={p.id} />
      <PersonCorrections personId={p.id} />
      {editing && <PersonEditDialog person={p} opened={editing} onClose={() => setEditing(false)} />}
      {merging && <MergeDialog person={p} opened={merging} onClose={() => setMerging(false)} />}
    </Stack>
  );
}
