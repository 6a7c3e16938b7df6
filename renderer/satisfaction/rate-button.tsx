import { Button } from '@mantine/core';
import { Link } from 'react-router';
import type { SatisfactionServiceType } from '../../shared/domain/satisfaction';
import { useCan } from '../api/queries';

/**
 * 请群众评价: opens the 评价器 the citizen taps, for one service the
 * satisfaction service knows (a window case, a session, a fair check-in, a payment).
 * Shown to whoever may take ratings; the screen itself refuses a service rated before.
 */
export function RateButton({ serviceType, serviceId }: { serviceType: SatisfactionServiceType; serviceId: number }) {
  const canRate = useCan('satisfaction.record');
  if (!canRate) return null;
  return <Button size="compact-xs" variant="subtle" component={Link} to={`/rate/${serviceType}/${serviceId}`}>请群众评价</Button>;
}
