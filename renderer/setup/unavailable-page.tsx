import { Alert, Center, Code, List, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * A database that cannot be opened is never replaced by a new empty one:
 * explain and stop. `inUse`: another desk has it open, and the message names it.
 */
export function UnavailablePage({ message, inUse = false }: { message: string; inUse?: boolean }) {
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" maw={640}>
        <Stack>
          <Title order={2}>{inUse ? '数据库正在被另一个工作台使用' : '数据库无法打开'}</Title>
          <Alert color={inUse ? 'orange' : 'red'} title="原因">
            {message}
          </Alert>
          {inUse ? (
            <Text>同一个数据库同时只能由一个工作台打开，否则两处会各自导出、各自登录。请关闭正在运行的那个（或在它所在的电脑上退出），然后重新启动本程序。</Text>
          ) : (
            <>
              <Text>为保护已有数据，本程序不会新建空数据库覆盖原文件。请按以下步骤处理：</Text>
              <List type="ordered">
                <List.Item>确认密钥文件或环境变量 <Code>EMPLOYMENT_DESK_DB_KEY</Code> 是否为本库的密钥；</List.Item>
                <List.Item>如密钥丢失，请系统管理员使用初始化时打印的恢复密钥恢复；</List.Item>
                <List.Item>如提示版本过新，请安装新版本的就业服务工作台。</List.Item>
              </List>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
