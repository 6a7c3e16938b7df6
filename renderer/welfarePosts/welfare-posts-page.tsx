import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WelfarePlacementView, WelfarePostView } from '../../shared/contract';
import { officeDate } from '../../shared/domain/dates';
import { formatYuan } from '../../shared/domain/payments/money';
import { MANUAL_END_REASONS, placementEndReasonLabel, REMINDER_DAYS, type PlacementEndReason } from '../../shared/domain/welfare-posts';
import { call, errorMessage, RpcCallError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { useCan } from '../api/queries';
import { onInvalidFields } from '../shell/focus-first-error';
import { FormActions } from '../shell/form-actions';
import { WelfareSubsidyPanel } from './subsidy-panel';

function PostDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { employerName: '', title: '', positions: 1 as number | string, periodFrom: '', periodTo: '', monthlySubsidyYuan: '' as number | string } });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => call('welfarePosts.createPost', {
      employerName: v.employerName, title: v.title, positions: Number(v.positions), periodFrom: v.periodFrom.trim(), periodTo: v.periodTo.trim(), monthlySubsidyFen: Math.round(Number(v.monthlySubsidyYuan) * 100),
    }),
    onSuccess: (p) => { void queryClient.invalidateQueries({ queryKey: ['welfarePosts.list'] }); notifications.show({ color: 'green', message: `已开发公益性岗位：${p.title}` }); onClose(); },
    onError: (e) => setError(applyFieldErrors(e, (path, text) => form.setFieldError(path === 'monthlySubsidyFen' ? 'monthlySubsidyYuan' : path, text), [...Object.keys(form.values), 'monthlySubsidyFen'])),
  });
  return (
    <Modal opened onClose={onClose} title="开发公益性岗位" size="40rem">
      <form noValidate onSubmit={form.onSubmit((v) => { setError(null); save.mutate(v); }, onInvalidFields)}>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="用人单位" withAsterisk data-autofocus maxLength={100} {...form.getInputProps('employerName')} />
          <SimpleGrid cols={2}>
            <TextInput label="岗位名称" withAsterisk maxLength={60} {...form.getInputProps('title')} />
            <NumberInput label="岗位数" withAsterisk min={1} allowDecimal={false} {...form.getInputProps('positions')} />
            <TextInput label="开发期限起" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('periodFrom')} />
            <TextInput label="开发期限止" withAsterisk placeholder="YYYY-MM-DD" maxLength={10} {...form.getInputProps('periodTo')} />
            <NumberInput label="岗位补贴（元/月）" withAsterisk min={0} decimalScale={2} {...form.getInputProps('monthlySubsidyYuan')} />
          </SimpleGrid>
          <FormActions cancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** 安置: the person by ID number; the backend checks the 就业困难人员认定 on the day of hire. */
function HireRow({ post }: { post: WelfarePostView }) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [hiredOn, setHiredOn] = useState(officeDate(new Date()));
  const [error, setError] = useState<string | null>(null);
  const hire = useMutation({
    mutationFn: async () => {
      const found = await call('persons.search', { query: query.trim(), page: 1, pageSize: 2 });
      if (found.items.length !== 1) throw new Error(found.items.length === 0 ? '没有找到这个人员' : '找到多名人员，请输入完整的身份证号');
      return call('welfarePosts.hire', { postId: post.id, personId: found.items[0]!.id, hiredOn: hiredOn.trim() });
    },
    onSuccess: (p) => { setQuery(''); setError(null); void queryClient.invalidateQueries({ queryKey: ['welfarePosts.list'] }); notifications.show({ color: 'green', message: `已安置：${p.personName}，安置期至 ${p.plannedEndOn}` }); },
    onError: (e) => setError(e instanceof RpcCallError ? errorMessage(e) : e instanceof Error ? e.message : '安置失败'),
  });
  return (
    <>
      <form onSubmit={(e) => { e.preventDefault(); hire.mutate(); }}>
        <Group align="flex-end" mt="sm">
          <TextInput label="安置人员（身份证号）" w={240} maxLength={50} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
          <TextInput label="上岗日期" w={140} maxLength={10} value={hiredOn} onChange={(e) => setHiredOn(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={hire.isPending} disabled={query.trim() === ''}>安置上岗</Button>
        </Group>
      </form>
      {error && <Alert color="red" mt="sm" data-testid="hire-error">{error}</Alert>}
    </>
  );
}

function ExitButton({ placement }: { placement: WelfarePlacementView }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [endedOn, setEndedOn] = useState(officeDate(new Date()));
  const [reason, setReason] = useState<string | null>('resigned');
  const [error, setError] = useState<string | null>(null);
  const exit = useMutation({
    mutationFn: () => call('welfarePosts.exit', { placementId: placement.id, version: placement.version, endedOn: endedOn.trim(), reason: (reason ?? '') as PlacementEndReason }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: ['welfarePosts.list'] }); setOpen(false); },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpen(true)}>离岗</Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={`离岗 · ${placement.personName}`}>
          <Stack>
            {error && <Alert color="red">{error}</Alert>}
            <Select label="离岗原因" allowDeselect={false} data={MANUAL_END_REASONS.map((r) => ({ value: r, label: placementEndReasonLabel(r) }))} value={reason} onChange={setReason} />
            <TextInput label="离岗日期" maxLength={10} value={endedOn} onChange={(e) => setEndedOn(e.currentTarget.value)} />
            <Group justify="flex-end"><Button variant="default" onClick={() => setOpen(false)}>取消</Button><Button onClick={() => exit.mutate()} loading={exit.isPending}>保存</Button></Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

/** 公益性岗位: the posts with the persons in them, the daily check, and the reminders before a placement ends. */
export function WelfarePostsPage() {
  const canManage = useCan('welfarePosts.manage');
  const canCheck = useCan('welfarePosts.dailyCheck');
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['welfarePosts.checkStatus'], queryFn: () => call('welfarePosts.checkStatus', {}) });
  const [creating, setCreating] = useState(false);
  const posts = useQuery({ queryKey: ['welfarePosts.list'], queryFn: () => call('welfarePosts.list', {}) });
  const reminders = useQuery({ queryKey: ['welfarePosts.reminders'], queryFn: () => call('welfarePosts.reminders', {}) });
  const check = useMutation({
    mutationFn: () => call('welfarePosts.checkDaily', {}),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['welfarePosts.list'] });
      void queryClient.invalidateQueries({ queryKey: ['welfarePosts.checkStatus'] });
      notifications.show({ color: r.ended.length ? 'orange' : 'green', message: r.ended.length ? `核验完成：${r.ended.map((p) => `${p.personName}（${p.endReasonLabel}）`).join('、')} 已离岗` : '核验完成：在岗人员均符合条件' });
    },
  });
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>公益性岗位</Title>
        <Group>
          {canCheck && <Button variant="light" onClick={() => check.mutate()} loading={check.isPending}>每日核验</Button>}
          {canManage && <Button onClick={() => setCreating(true)}>开发岗位</Button>}
        </Group>
      </Group>
      {status.data && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="welfare-check-status">
          {status.data.lastCheckOn ? `上次每日核验：${status.data.lastCheckOn}（${status.data.lastCheckBy ?? '—'}）` : '尚未进行每日核验'}；系统每天自动核验一次：认定终止或安置期满的人员自动离岗。
        </Text>
      )}
      {(reminders.data?.length ?? 0) > 0 && (
        <Alert color="yellow" mb="md" title={`安置期满提醒（${REMINDER_DAYS}天内）`} data-testid="welfare-reminders">
          {reminders.data!.map((p) => `${p.personName}（${p.employerName} ${p.postTitle}）${p.plannedEndOn} 期满`).join('；')}
        </Alert>
      )}
      <WelfareSubsidyPanel />
      {posts.isError && <Alert color="red">{errorMessage(posts.error)}</Alert>}
      {posts.data?.length === 0 && <Text c="dimmed">还没有公益性岗位</Text>}
      {posts.data?.map((post) => (
        <Paper key={post.id} withBorder p="md" mb="md" data-testid="welfare-post">
          <Group justify="space-between">
            <Title order={4}>{post.employerName} · {post.title}</Title>
            <Text size="sm">在岗 {post.filled} / {post.positions} 人 · {post.periodFrom} 至 {post.periodTo} · 补贴 {formatYuan(post.monthlySubsidyFen)} 元/月</Text>
          </Group>
          {post.placements.length > 0 && (
            <Table mt="sm" withTableBorder>
              <Table.Thead><Table.Tr><Table.Th>姓名</Table.Th><Table.Th>身份证号</Table.Th><Table.Th>上岗日期</Table.Th><Table.Th>安置期至</Table.Th><Table.Th>状态</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {post.placements.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.personName}</Table.Td><Table.Td>{p.idNumberMasked}</Table.Td><Table.Td>{p.hiredOn}</Table.Td>
                    <Table.Td>{p.plannedEndOn}{p.untilRetirement && <Text size="xs" c="dimmed">（距退休不足5年，至退休）</Text>}</Table.Td>
                    <Table.Td>{p.endedOn ? <Badge color="gray" variant="light">{p.endedOn} 离岗：{p.endReasonLabel}</Badge> : <Badge variant="light">在岗</Badge>}</Table.Td>
                    <Table.Td>{canManage && !p.endedOn && <ExitButton placement={p} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {canManage && post.status === 'open' && <HireRow post={post} />}
        </Paper>
      ))}
      {creating && <PostDialog onClose={() => setCreating(false)} />}
    </>
  );
}
