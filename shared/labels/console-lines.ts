import type { DeskState } from '../contract/setup';

/**
 * Every line the host (`npm run host`, `--office`), the Electron shell and the
 * desk write to the console, in Chinese, from this one place. The tests and
 * the benchmark find the served address by the patterns below, so a reworded
 * line cannot silently break them. Errors are named by kind only: a message
 * may quote input, which can hold personal data.
 */

const DESK_STATES: Record<DeskState, string> = {
  uninitialized: '尚未初始化，请在浏览器中完成首次设置',
  ready: '已打开',
  unavailable: '无法打开',
  in_use: '正被另一个工作台使用',
};

export const CONSOLE_LINES = {
  database: (path: string, state: DeskState) => `数据库：${path}（${DESK_STATES[state]}）`,
  /** The local page of the host; SERVING_PATTERN reads its address. */
  serving: (url: string) => `工作台已启动，请用浏览器打开：${url}`,
  /** The office host's TLS port; OFFICE_PATTERN reads its port. */
  officeServing: (port: number) => `办公室主机已在加密端口监听：https://0.0.0.0:${port}/`,
  officeClosed: (port: number) => `办公室主机的加密端口 ${port} 已关闭，不再接受工作站连接`,
  officePort: (port: number, names: string[]) => `办公室主机：加密端口 ${port}，工作站可用地址 ${names.join('、')}`,
  fingerprint: (fingerprint: string) => `证书指纹（SHA-256，配对时请与工作站核对）：\n${fingerprint}`,
  badPort: (text: string) => `端口号不正确：${text}`,
  samePorts: '办公室主机的加密端口（--port）与本机管理界面端口（--ui-port）不能相同',
  deskThreadFailed: (kind: string) => `数据库线程出错（${kind}）`,
  deskThreadGaveUp: (code: number | null, times: number) => `数据库线程一分钟内已停止 ${times} 次（退出码 ${code ?? '无'}），不再重启，请重新启动工作台`,
  deskThreadRestarting: (code: number | null) => `数据库线程已停止（退出码 ${code ?? '无'}），正在重新启动`,
  listenerFailed: (kind: string) => `一个数据变更通知处理失败（${kind}）`,
  callFailed: (method: string, kind: string) => `数据库线程处理请求失败：${method}（${kind}）`,
  officeNotPrepared: (kind: string) => `办公室主机未能准备（${kind}）`,
  demoRemoved: '演示数据库无法打开，已删除，将重新创建',
  keyGroupsNotUpdated: '重点群体标记未能更新到今天，稍后会重试',
  trendsNotCounted: '工作台趋势图未能预先统计，局领导打开工作台时再统计',
  methodFailed: (method: string) => `请求处理失败：${method}`,
  refusalNotRecorded: (method: string) => `请求被拒绝，但拒绝记录未能写入审计日志：${method}`,
} as const;

/** The local page's address in the host's output (tests, drills, the start-up benchmark). */
export const SERVING_PATTERN = /请用浏览器打开：(http:\/\/\S+)/;
/** The office host's TLS port in the host's output. */
export const OFFICE_PATTERN = /加密端口监听：https:\/\/0\.0\.0\.0:(\d+)\//;
