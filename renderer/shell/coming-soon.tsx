import { Alert, Title } from '@mantine/core';

/** An area whose feature has not landed yet: said plainly, nothing pretends to work. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <>
      <Title order={2} mb="md">
        {title}
      </Title>
      <Alert color="gray">此功能正在建设中，暂不可用。</Alert>
    </>
  );
}
