import type { QueryClient } from '@tanstack/react-query';

export const guidanceQueryKeys = {
  person: (personId: number) => ['guidance.forPerson', personId] as const,
  due: ['guidance.followUpsDue'] as const,
};

/** After any guidance write: the person's tab, the due lists and the timeline read it. */
export function invalidateGuidance(queryClient: QueryClient, personId: number): void {
  void queryClient.invalidateQueries({ queryKey: guidanceQueryKeys.person(personId) });
  void queryClient.invalidateQueries({ queryKey: guidanceQueryKeys.due });
  void queryClient.invalidateQueries({ queryKey: ['persons.timeline'] });
  void queryClient.invalidateQueries({ queryKey: ['guidance.profile', personId] });
}
