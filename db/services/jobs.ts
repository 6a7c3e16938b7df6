import type { JobView, ParsedInputOf } from '../../shared/contract';
import type { ServiceContext } from '../context';

export function get(ctx: ServiceContext, input: ParsedInputOf<'jobs.get'>): JobView {
  return ctx.jobs.get(input.id, ctx.actor?.userId ?? null);
}

export function cancel(ctx: ServiceContext, input: ParsedInputOf<'jobs.cancel'>): JobView {
  return ctx.jobs.cancel(input.id, ctx.actor?.userId ?? null);
}
