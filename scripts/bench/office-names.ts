/** The office bench's names take no digits: 压测 and the number in Chinese digits (压测一二), prepared by the host and searched by the workstations. */
export const nameOf = (n: number): string => `压测${[...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;
