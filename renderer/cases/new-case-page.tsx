import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { officeDate } from '../../shared/domain/dates';
import { formDateProblems } from '../../shared/domain/case-dates';
import { documentsFor, formFieldErrors, CASE_TYPES, missingFormFields, missingRequiredDocuments, type ApplicantKind, type CaseTypeCode } from '../../shared/domain/case-types';
import { call, RpcCallError, errorMessage } from '../api/client';
import { queryKeys } from '../api/queries';
import { focusFirstFieldInError } from '../shell/focus-first-error';
import { CaseFormFields, DocumentChecklist } from './case-form';

/** A case at the window: fill the form, tick the documents received, save as draft or accept at once. */
export function NewCasePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The applicant: ?person=ID, or ?enterprise=ID for a subsidy an employer applies for.
  const personId = Number(params.get('person'));
  const enterpriseId = Number(params.get('enterprise'));
  const applicant: ApplicantKind = enterpriseId > 0 ? 'enterprise' : 'person';
  const applicantInput = applicant === 'enterprise' ? { enterpriseId } : { personId };
  const backTo = applicant === 'enterprise' ? `/enterprises/${enterpriseId}` : `/persons/${personId}`;
  const type = CASE_TYPES[(params.get('type') ?? 'unemployment_registration') as CaseTypeCode];
  const person = useQuery({ queryKey: queryKeys.person(personId), queryFn: () => call('persons.get', { id: personId }), enabled: personId > 0 });
  const enterprise = useQuery({ queryKey: ['enterprises.get', enterpriseId], queryFn: () => call('enterprises.get', { id: enterpriseId }), enabled: enterpriseId > 0 });
  // A field may come filled from the page that opened the form (the class page's 申领培训补贴 gives ?classNumber=…).
  const [form, setForm] = useState<Record<string, string | null>>(() => Object.fromEntries(type.fields.filter((f) => params.get(f.code)).map((f) => [f.code, params.get(f.code)])));
  // The documents every applicant of this type hands in (the ID card just read, the declaration signed at the
  // window) start ticked, as the clerk would tick them; one not received is unticked, and 受理 still requires it.
  const [documents, setDocuments] = useState<string[]>(() => (type ? documentsFor(type, applicant).filter((d) => d.required).map((d) => d.code) : []));
  const [error, setError] = useState<{ message: string; caseId?: number } | null>(null);
  // Fields a refused 受理 named, each marked until it is changed.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (accept: boolean) => {
      const draft = await call('cases.create', { ...applicantInput, caseType: type.code, form, documents });
      if (!accept) return draft;
      try {
        return await call('cases.transition', { id: draft.id, version: draft.version, action: 'accept' });
      } catch (e) {
        // The draft stays; staff see why it could not be accepted on its own page.
        navigate(`/cases/${draft.id}`, { state: { error: errorMessage(e) } });
        throw e;
      }
    },
    onSuccess: (view) => navigate(`/cases/${view.id}`),
    onError: (e) => setError({ message: errorMessage(e), ...(e instanceof RpcCallError && e.error.details?.caseId ? { caseId: Number(e.error.details.caseId) } : {}) }),
  });
  /** The same checks the backend makes, shown before anything is saved. */
  const dates = { caseDay: officeDate(new Date()), accepted: false, birthDate: person.data?.birthDate ?? null };
  const accept = () => {
    const problems = [
      ...missingFormFields(type, form).map((label) => `未填写：${label}`),
      ...formDateProblems(type.fields, form, dates),
      ...missingRequiredDocuments(type, form, documents, applicant).map((label) => `缺少材料：${label}`),
    ];
    const marked = formFieldErrors(type, form, dates);
    setFieldErrors(marked);
    if (problems.length) {
      focusFirstFieldInError(Object.keys(marked));
      return setError({ message: `不能受理：${problems.join('；')}` });
    }
    setError(null);
    save.mutate(true);
  };
  if (!type) return <Alert color="red">未知的业务类型</Alert>;
  if (!type.applicants.includes(applicant)) return <Alert color="red">{type.label}只能由个人申请</Alert>;
  return (
    <Stack maw={1000}>
      <Title order={2}>{type.label}</Title>
      {person.data && <Text>申请人：{person.data.name}（{person.data.idNumberMasked}）</Text>}
      {enterprise.data && <Text>申请单位：{enterprise.data.name}（统一社会信用代码 {enterprise.data.creditCode ?? enterprise.data.registrationNumber ?? '—'}）</Text>}
      {error && (
        <Alert color="red" data-testid="case-error">
          {error.message} {error.caseId && <Anchor component={Link} to={`/cases/${error.caseId}`}>打开正在办理的业务</Anchor>}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Stack>
          <CaseFormFields autoFocus type={type} applicant={applicant} form={form} errors={fieldErrors} onChange={(code, value) => {
            setForm((f) => ({ ...f, [code]: value }));
            setFieldErrors(({ [code]: _fixed, ...rest }) => rest);
          }} />
          <DocumentChecklist type={type} applicant={applicant} received={documents} onChange={setDocuments} />
          <Text size="sm" c="dimmed">必需材料已预先勾选，未收到的请取消勾选。</Text>
          <Text size="sm" c="dimmed">办理时限：受理后 {type.timeLimitWorkingDays} 个工作日。</Text>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={backTo}>取消</Button>
            <Button variant="light" loading={save.isPending} onClick={() => { setError(null); save.mutate(false); }}>保存草稿</Button>
            <Button loading={save.isPending} onClick={() => accept()}>受理</Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
