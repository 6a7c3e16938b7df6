import { Pagination, type PaginationProps } from '@mantine/core';

/** Page numbers under a list, shown only when the list is longer than one page. */
export function Pager({ total, pageSize, page, onChange, ...props }: {
  total: number; pageSize: number; page: number; onChange: (page: number) => void;
} & Omit<PaginationProps, 'total' | 'value' | 'onChange'>) {
  return total > pageSize ? <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onChange} {...props} /> : null;
}
