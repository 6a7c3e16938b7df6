import { Alert, Button, Group, Paper, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { officeDate } from '../../shared/domain/dates';
import { call, errorMessage, RpcCallError } from '../api/client';

/**
 * 报名: the trainee is found in the registry by ID number (or name), the
 * employer of an employee by credit code or name; the backend decides
 * eligibility, age and overlapping classes and answers in Chinese.
 */
export function EnrolPanel({ classId, needsEmployer }: { classId: number; needsEmployer: boolean }) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [employer, setEmployer] = useState('');
  const [enrolledOn, setEnrolledOn] = useState(officeDate(new Date()));
  const [error, setError] = useState<string | null>(null);
  const enrol = useMutation({
    mutationFn: async () => {
      const found = await call('persons.search', { query: query.trim(), page: 1, pageSize: 2 });
      if (found.items.length === 0) throw new Error('没有找到这个人员，请先在“登记/经办”建立档案');
      if (found.items.length > 1) throw new Error('找到多名人员，请输入完整的身份证号');
      let employerEnterpriseId: number | null = null;
      if (needsEmployer && employer.trim()) {
        const enterprises = await call('enterprises.search', { query: employer.trim(), page: 1, pageSize: 2 });
        if (enterprises.items.length !== 1) throw new Error(enterprises.items.length === 0 ? '没有找到该单位' : '找到多家单位，请输入统一社会信用代码');
        employerEnterpriseId = enterprises.items[0]!.id;
      }
      return call('training.enrol', { classId, personId: found.items[0]!.id, enrolledOn: enrolledOn.trim(), employerEnterpriseId });
    },
    onSuccess: (e) => {
      setQuery('');
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['training.classDetail', classId] });
      notifications.show({ color: 'green', message: `已报名：${e.personName}` });
    },
    onError: (e) => setError(e instanceof RpcCallError ? errorMessage(e) : e instanceof Error ? e.message : '报名失败'),
  });
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4} mb="sm">报名</Title>
      <form onSubmit={(e) => { e.preventDefault(); enrol.mutate(); }}>
        <Group align="flex-end">
          <TextInput label="身份证号或姓名" w={240} maxLength={50} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="enrol-query" />
          <TextInput label="报名日期" w={140} maxLength={10} value={enrolledOn} onChange={(e) => setEnrolledOn(e.currentTarget.value)} />
          {needsEmployer && <TextInput label="所在单位（信用代码或名称）" w={260} maxLength={50} value={employer} onChange={(e) => setEmployer(e.currentTarget.value)} />}
          <Button type="submit" loading={enrol.isPending} disabled={query.trim() === ''}>报名</Button>
        </Group>
      </form>
      {error && <Alert color="red" mt="sm" data-testid="enrol-error">{error}</Alert>}
    </Paper>
  );
}
