import { Stack, Tabs, Title } from '@mantine/core';
import { BackupOverdueAlert, BackupsPanel } from '../backups/backups-panel';
import { CalendarPanel } from '../calendar/calendar-panel';
import { CodesPanel } from '../codes/codes-panel';
import { DifficultyTypesPanel } from '../enterprises/difficulty-types-panel';
import { OfficePanel } from '../office/office-panel';
import { ExternalFiguresPage } from '../reports/external-figures-page';
import { SettingsPanel } from '../settings/settings-panel';
import { StationsPanel } from '../stations/stations-panel';
import { UsersPanel } from '../users/users-panel';

/** 系统管理's tabs, each the panel of one domain. */
const ADMIN_TABS = [
  { value: 'users', label: '账号管理', panel: <UsersPanel /> },
  { value: 'stations', label: '就业服务站', panel: <StationsPanel /> },
  { value: 'settings', label: '系统设置', panel: <SettingsPanel /> },
  { value: 'calendar', label: '工作日历', panel: <CalendarPanel /> },
  { value: 'code-tables', label: '业务代码表', panel: <CodesPanel /> },
  { value: 'difficulties', label: '企业困难类型', panel: <DifficultyTypesPanel /> },
  { value: 'backups', label: '数据备份', panel: <BackupsPanel /> },
  { value: 'office', label: '办公室模式', panel: <OfficePanel /> },
  { value: 'report-figures', label: '月报外部数据', panel: <ExternalFiguresPage /> },
];

export function AdminPage() {
  return (
    <Stack maw={1100}>
      <Title order={2}>系统管理</Title>
      <BackupOverdueAlert />
      <Tabs defaultValue="users">
        <Tabs.List>
          {ADMIN_TABS.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}
        </Tabs.List>
        {ADMIN_TABS.map((t) => <Tabs.Panel key={t.value} value={t.value} pt="md">{t.panel}</Tabs.Panel>)}
      </Tabs>
    </Stack>
  );
}
