import { Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { useCan, useSession } from '../api/queries';
import { ReviewsDueList } from '../certifications/reviews-due-list';
import { NoContactList } from '../registrations/no-contact-list';
import { CounselorDesk } from '../guidance/counselor-desk';
import { GuidanceFollowUpsDueList } from '../guidance/follow-ups-due-list';
import { FollowUpsList } from './follow-ups-list';

const VIEWS = { desk: '我的工作台', followUps: '待跟踪联系', guidance: '职业指导回访', noContact: '6个月未联系（建议注销）', reviews: '困难认定年度复核' } as const;

/** 职业指导 → the counselors' and front desk's work lists after registration. */
export function FollowUpPage() {
  const roles = useSession().data?.roles ?? [];
  const reviewerFirst = (roles.includes('reviewer') || roles.includes('head')) && !roles.includes('counselor') && !roles.includes('front_desk');
  const canGuide = useCan('guidance.write');
  const canSeeGroups = useCan('reports.read');
  // Counselors start at their desk; it shows only to those who record guidance.
  const [view, setView] = useState<keyof typeof VIEWS>(roles.includes('counselor') ? 'desk' : reviewerFirst ? 'noContact' : 'followUps');
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>跟踪服务</Title>
        <Group gap="xs">
          {canSeeGroups && <Button variant="light" component={Link} to="/counseling/groups">群体画像</Button>}
          <Button variant="light" component={Link} to="/counseling/events">团体指导活动</Button>
        </Group>
      </Group>
      <SegmentedControl value={view} onChange={(v) => setView(v as keyof typeof VIEWS)} data={Object.entries(VIEWS).filter(([value]) => value !== 'desk' || canGuide).map(([value, label]) => ({ value, label }))} />
      {view === 'desk' && <CounselorDesk />}
      {view === 'guidance' && <GuidanceFollowUpsDueList />}
      {view === 'followUps' && <FollowUpsList />}
      {view === 'noContact' && <NoContactList />}
      {view === 'reviews' && <ReviewsDueList />}
    </Stack>
  );
}
