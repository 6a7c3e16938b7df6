import { SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../api/queries';
import { ReviewsDueList } from '../certifications/reviews-due-list';
import { NoContactList } from '../registrations/no-contact-list';
import { GuidanceFollowUpsDueList } from '../guidance/follow-ups-due-list';
import { FollowUpsList } from './follow-ups-list';

const VIEWS = { followUps: '待跟踪联系', guidance: '职业指导回访', noContact: '6个月未联系（建议注销）', reviews: '困难认定年度复核' } as const;

/** 职业指导 → the counselors' and front desk's work lists after registration. */
export function FollowUpPage() {
  const roles = useSession().data?.roles ?? [];
  const reviewerFirst = (roles.includes('reviewer') || roles.includes('head')) && !roles.includes('counselor') && !roles.includes('front_desk');
  const [view, setView] = useState<keyof typeof VIEWS>(reviewerFirst ? 'noContact' : 'followUps');
  return (
    <Stack maw={1100}>
      <Title order={2}>跟踪服务</Title>
      <SegmentedControl value={view} onChange={(v) => setView(v as keyof typeof VIEWS)} data={Object.entries(VIEWS).map(([value, label]) => ({ value, label }))} />
      {view === 'guidance' && <GuidanceFollowUpsDueList />}
      {view === 'followUps' && <FollowUpsList />}
      {view === 'noContact' && <NoContactList />}
      {view === 'reviews' && <ReviewsDueList />}
    </Stack>
  );
}
