import { Alert, Center, Code, List, Paper, Stack, Text, Title } from '@mantine/core';

/** A database that cannot be opened is never replaced by a new empty one: explain and stop. */
export function UnavailablePage({ message }: { message: string }) {
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" maw={640}>
        <Stack>
          <Title order={2}>数据库无法打开</Title>
          <Alert color="red" title="原因">
            {message}
          </Alert>
          <Text>为保护已有数据，本程序不会新建空数据库覆盖原文件。请按以下步骤处理：</Text>
          <List type="ordered">
            <List.Item>确认密钥文件或环境变量 <Code>EMPLOYMENT_DESK_DB_KEY</Code> 是否为本库的密钥；</List.Item>
            <List.Item>如密钥丢失，请系统管理员使用初始化时打印的恢复密钥恢复；</List.Item>
            <List.Item>如提示版本过新，请安装新版本的就业服务工作台。</List.Item>
          </List>
        </Stack>
      </Paper>
    </Center>
  );
}
