import { Alert, Button, Checkbox, Center, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { DEFAULT_OFFICE_PORT, formatFingerprint, hostAddressProblems, pairingProblems, type PairingForm, type WorkstationSetupReply } from '../../shared/domain/office';

type Door = NonNullable<NonNullable<Window['bureau']>['workstation']>;

/**
 * 作为工作站连接办公室主机: on an installation without a database, staff type
 * the host's address, read the fingerprint it shows aloud against the host's
 * screen, type the one-time code shown there and a name for this PC. The
 * shell does the pairing (electron/shell/workstation-setup.ts) and then
 * reloads the window onto the host.
 */
export function WorkstationPairingPage({ door, onBack }: { door: Door; onBack: () => void }) {
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [compared, setCompared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [paired, setPaired] = useState<string | null>(null);
  const form = useForm<PairingForm>({ initialValues: { host: '', port: String(DEFAULT_OFFICE_PORT), fingerprint: '', code: '', name: '' } });

  /** A refusal from the shell: its field messages go to the fields, the rest above the form. */
  const refused = (reply: Extract<WorkstationSetupReply, { ok: false }>) => {
    const fields = reply.error.fields ?? {};
    for (const [field, message] of Object.entries(fields)) form.setFieldError(field, message);
    setProblem(Object.keys(fields).length > 0 ? null : reply.error.message);
  };

  const readFingerprint = async () => {
    setProblem(null);
    form.clearErrors();
    const problems = hostAddressProblems(form.values);
    if (Object.keys(problems).length > 0) return form.setErrors(problems);
    setBusy(true);
    const reply = await door.readFingerprint(form.values.host.trim(), form.values.port.trim());
    setBusy(false);
    if (!reply.ok) return refused(reply);
    if ('fingerprint' in reply) {
      setFingerprint(reply.fingerprint);
      form.setFieldValue('fingerprint', reply.fingerprint);
      setCompared(false);
    }
  };

  const pair = async () => {
    setProblem(null);
    form.clearErrors();
    const problems = pairingProblems(form.values);
    if (Object.keys(problems).length > 0) return form.setErrors(problems);
    setBusy(true);
    const reply = await door.pair(form.values);
    setBusy(false);
    if (!reply.ok) return refused(reply);
    if ('paired' in reply) setPaired(`${reply.paired.name}（办公室主机 ${reply.paired.host}:${reply.paired.port}）`);
  };

  if (paired) {
    return (
      <Center mih="100vh" p="md">
        <Alert color="green" title="配对成功" w={640} data-testid="workstation-paired">
          本机已是工作站「{paired}」，正在连接办公室主机…… 本机不保存任何数据，请用自己的账号登录。
        </Alert>
      </Center>
    );
  }
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={720}>
        <Stack>
          <Title order={2}>作为工作站连接办公室主机</Title>
          <Text size="sm" c="dimmed">
            本机将不保存数据库，登记、查询都在办公室主机上进行。请向系统管理员要主机地址，并请他在主机的 系统管理 → 办公室模式 中生成配对码。
          </Text>
          {problem && <Alert color="red">{problem}</Alert>}
          <Group align="flex-start">
            <TextInput label="主机地址" placeholder="例如 192.168.1.20" w={300} {...form.getInputProps('host')} disabled={fingerprint !== null} />
            <TextInput label="端口" w={120} {...form.getInputProps('port')} disabled={fingerprint !== null} />
          </Group>
          {fingerprint === null ? (
            <Group>
              <Button onClick={() => void readFingerprint()} loading={busy}>
                读取主机证书指纹
              </Button>
              <Button variant="default" onClick={onBack}>
                返回
              </Button>
            </Group>
          ) : (
            <>
              <div>
                <Text size="sm" fw={500}>
                  该地址的主机出示的证书指纹（SHA-256）：
                </Text>
                <Code block fz="lg" data-testid="host-fingerprint">
                  {formatFingerprint(fingerprint)}
                </Code>
                <Text size="sm" c="dimmed" mt={4}>
                  请与办公室主机屏幕上（系统管理 → 办公室模式）显示的指纹逐组念一遍核对。不一致时不要配对：可能连到了别的电脑，请联系系统管理员。
                </Text>
              </div>
              <Checkbox label="已逐组核对，与主机屏幕上的指纹完全一致" checked={compared} onChange={(e) => setCompared(e.currentTarget.checked)} />
              <Group align="flex-start">
                <TextInput label="配对码" description="主机上显示，10 分钟内有效" placeholder="1234-5678" w={220} {...form.getInputProps('code')} />
                <TextInput label="工作站名称" description="在主机的工作站列表和审计日志中显示" placeholder="例如 前台1号窗口" w={300} {...form.getInputProps('name')} />
              </Group>
              <Group>
                <Button onClick={() => void pair()} loading={busy} disabled={!compared}>
                  配对
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setFingerprint(null);
                    setCompared(false);
                  }}
                >
                  改填主机地址
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
