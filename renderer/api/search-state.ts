import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A search page's state in the URL, so the back button returns to the same
 * results: the query (`q`), the page and the filters named by `filterKeys`.
 * Changing the query or a filter starts again at page 1.
 */
export function useSearchState<F extends object>(filterKeys: readonly (keyof F & string)[], numeric: readonly (keyof F & string)[] = []) {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState(query);
  // The URL holds what the filter inputs put there; the server checks every value again, so a hand-edited URL gets its refusal.
  const filters = Object.fromEntries(
    filterKeys.flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, numeric.includes(k) ? Number(v) : v]] : [];
    }),
  ) as Partial<F>;
  const write = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    next.delete('page');
    setParams(next);
  };
  /** Sets or (null, '') clears filters. */
  const setParam = (changes: Partial<Record<keyof F & string, string | null>>) => write(changes);
  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  return {
    query, page, filters, draft, setDraft, setParam, setPage,
    /** A filter's value as the URL holds it, for the filter's input. */
    param: (key: keyof F & string) => params.get(key),
    /** True while a query or a filter narrows the list. */
    narrowed: query !== '' || Object.keys(filters).length > 0,
    submitDraft: () => write({ q: draft.trim() }),
  };
}
