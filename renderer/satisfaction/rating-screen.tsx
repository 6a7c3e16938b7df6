import { Alert, Button, Center, Group, Paper, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { RATING_WORDS, SATISFACTION_SERVICE_TYPES, type SatisfactionServiceType } from '../../shared/domain/satisfaction';
import { call, errorMessage } from '../api/client';

const COLORS: Record<number, string> = { 5: '#2f9e44', 4: '#66a80f', 3: '#f59f00', 2: '#f76707', 1: '#e03131' };

function isServiceType(value: string | undefined): value is SatisfactionServiceType {
  return SATISFACTION_SERVICE_TYPES.some(([code]) => code === value);
}

/**
 * 评价器: the screen turned to the citizen after a service, without the app's
 * menus. Five large answers to tap, an optional comment, one button. The staff
 * member opens it from the service (请群众评价) and takes the screen back after.
 */
export function RatingScreen() {
  const params = useParams();
  const serviceType = isServiceType(params.serviceType) ? params.serviceType : null;
  const serviceId = Number(params.serviceId);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const service = useQuery({
    queryKey: ['satisfaction.service', serviceType, serviceId],
    queryFn: () => call('satisfaction.service', { serviceType: serviceType!, serviceId }),
    enabled: serviceType !== null,
  });
  const rate = useMutation({ mutationFn: () => call('satisfaction.rate', { serviceType: serviceType!, serviceId, rating: rating!, comment: comment.trim() || null, channel: 'window' }) });
  const s = service.data;
  const done = rate.isSuccess || (s && s.rating !== null);
  return (
    <Center mih="100vh" bg="gray.0" p="xl">
      <Paper withBorder shadow="sm" p={40} w={900} data-testid="rating-screen">
        <Stack gap="xl" align="center">
          {serviceType === null && <Alert color="red">评价器地址有误：没有这种服务类型。</Alert>}
          {service.isError && <Alert color="red">{errorMessage(service.error)}</Alert>}
          {s && <Title order={1} ta="center">请您对本次服务进行评价</Title>}
          {s && <Text size="xl" ta="center">{s.personNameMasked}，您好！您于 {s.servedOn} 办理的「{s.what}」{s.staffName ? `，服务人员：${s.staffName}` : ''}</Text>}
          {done ? (
            <Stack align="center" gap="md" role="status">
              <Title order={2}>{rate.isSuccess ? '感谢您的评价！' : '这项服务已经评价过，谢谢您！'}</Title>
              {rate.data && <Text size="xl">您的评价：{rate.data.rating}分（{rate.data.ratingWord}）</Text>}
              <Button variant="subtle" component={Link} to={`/persons/${s?.personId ?? ''}`}>（工作人员）返回</Button>
            </Stack>
          ) : s && (
            <>
              <Group gap="md" justify="center" role="radiogroup" aria-label="满意度评分">
                {[5, 4, 3, 2, 1].map((n) => (
                  <UnstyledButton
                    key={n}
                    role="radio"
                    aria-checked={rating === n}
                    aria-label={`${n}分 ${RATING_WORDS[n]}`}
                    onClick={() => setRating(n)}
                    style={{ width: 150, height: 150, borderRadius: 16, border: `4px solid ${rating === n ? COLORS[n] : '#dee2e6'}`, background: rating === n ? `${COLORS[n]}22` : 'white', textAlign: 'center' }}
                  >
                    {/* Stars, not faces: the office fonts lack some emoji. */}
                    <Text fz={26} lh={2} c={COLORS[n]} aria-hidden>{'★'.repeat(n)}{'☆'.repeat(5 - n)}</Text>
                    <Text fz={40} fw={700} lh={1.1} c={COLORS[n]}>{n}</Text>
                    <Text fz="xl" fw={700} c={COLORS[n]}>{RATING_WORDS[n]}</Text>
                  </UnstyledButton>
                ))}
              </Group>
              <Textarea w="100%" size="lg" label="意见建议（可不填）" maxLength={500} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
              {rate.isError && <Alert color="red" w="100%">{errorMessage(rate.error)}</Alert>}
              <Button size="xl" w={320} disabled={rating === null} loading={rate.isPending} onClick={() => rate.mutate()}>提交评价</Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
