import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TrainingEnrolmentView } from '../../shared/contract';
import { ASSESSMENT_RESULTS, SKILL_LEVELS, type AssessmentResult, type SkillLevel } from '../../shared/domain/training';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage } from '../api/client';

type Act = 'assess' | 'certify' | 'revoke';
const TITLES: Record<Act, string> = { assess: '记录考核结果', certify: '登记职业技能等级证书', revoke: '撤销证书' };

/** The act a trainee's row offers next: 考核 after 结业, 证书 after 合格, 撤销 of a certificate in force. */
export function nextAct(e: TrainingEnrolmentView): Act | null {
  if (e.status !== 'completed') return null;
  if (e.assessmentResult === null) return 'assess';
  if (e.assessmentResult === 'passed' && e.certificate === null) return 'certify';
  if (e.certificate && e.certificate.revokedOn === null) return 'revoke';
  return null;
}

export function TraineeActionButton({ enrolment, classId }: { enrolment: TrainingEnrolmentView; classId: number }) {
  const [open, setOpen] = useState(false);
  const act = nextAct(enrolment);
  if (!act) return null;
  return (
    <>
      <Button size="xs" variant={act === 'revoke' ? 'subtle' : 'light'} color={act === 'revoke' ? 'red' : undefined} onClick={() => setOpen(true)}>
        {act === 'assess' ? '考核' : act === 'certify' ? '发证' : '撤销证书'}
      </Button>
      {open && <TraineeActionDialog act={act} enrolment={enrolment} classId={classId} onClose={() => setOpen(false)} />}
    </>
  );
}

function TraineeActionDialog({ act, enrolment, classId, onClose }: { act: Act; enrolment: TrainingEnrolmentView; classId: number; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [day, setDay] = useState(officeDate(new Date()));
  const [result, setResult] = useState<string | null>('passed');
  const [number, setNumber] = useState('');
  const [level, setLevel] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      if (act === 'assess') return call('training.recordAssessment', { enrolmentId: enrolment.id, version: enrolment.version, result: (result ?? '') as AssessmentResult, assessedOn: day.trim() });
      if (act === 'certify') return call('training.issueCertificate', { enrolmentId: enrolment.id, certificateNumber: number, issuedOn: day.trim(), ...(level ? { level: level as SkillLevel } : {}) });
      return call('training.revokeCertificate', { certificateId: enrolment.certificate!.id, version: enrolment.certificate!.version, revokedOn: day.trim(), reason });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['training.classDetail', classId] });
      notifications.show({ color: 'green', message: `${enrolment.personName}：${TITLES[act]}已保存` });
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal opened onClose={onClose} title={`${TITLES[act]} · ${enrolment.personName}`}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          {act === 'assess' && <Select label="考核结果" allowDeselect={false} data={ASSESSMENT_RESULTS.map(([value, label]) => ({ value, label }))} value={result} onChange={setResult} />}
          {act === 'certify' && (
            <>
              <TextInput label="证书编号" withAsterisk data-autofocus maxLength={30} value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
              <Select label="证书等级" placeholder="同培训项目等级" clearable data={SKILL_LEVELS.map(([value, label]) => ({ value, label }))} value={level} onChange={setLevel} />
            </>
          )}
          {act === 'revoke' && <TextInput label="撤销原因" withAsterisk maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
          <TextInput label={act === 'assess' ? '考核日期' : act === 'certify' ? '发证日期' : '撤销日期'} maxLength={10} value={day} onChange={(e) => setDay(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button type="submit" color={act === 'revoke' ? 'red' : undefined} loading={save.isPending}>保存</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
