/** The application menu in Chinese, as data (Electron's MenuItemConstructorOptions shape). */
export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItemSpec[];
  id?: string;
}

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemSpec[] {
  return [
    {
      label: '文件',
      submenu: [
        { id: 'print', label: '打印…', accelerator: 'CmdOrCtrl+P' },
        { type: 'separator' },
        { label: platform === 'darwin' ? '退出就业服务工作台' : '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ id: 'about', label: '关于就业服务工作台' }],
    },
  ];
}
