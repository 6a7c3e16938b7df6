import { Button, Group, TextInput } from '@mantine/core';

/** The query field of a search page; Enter or 查询 searches, the results follow the URL. */
export function SearchBox({ search, placeholder }: {
  search: { draft: string; setDraft: (draft: string) => void; submitDraft: () => void };
  placeholder: string;
}) {
  return (
    <form onSubmit={(e) => { e.preventDefault(); search.submitDraft(); }}>
      <Group align="flex-end" mb="xs">
        <TextInput label="查询" placeholder={placeholder} w={420} autoFocus value={search.draft} onChange={(e) => search.setDraft(e.currentTarget.value)} />
        <Button type="submit" variant="light">查询</Button>
      </Group>
    </form>
  );
}
