import type { JobView, ParsedInputOf } from '../../shared/contract';
import { actorUserId, type ServiceContext } from '../context';

export function get(ctx: ServiceContext, input: ParsedInputOf<'jobs.get'>): JobView {
  return ctx.jobs.get(input.id, actorUserId(ctx));
}

export function cancel(ctx: ServiceContext, input: ParsedInputOf<'jobs.cancel'>): JobView {
  return ctx.jobs.cancel(input.id, actorUserId(ctx));
}
