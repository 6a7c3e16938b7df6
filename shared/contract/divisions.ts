import { z } from 'zod';
import { method } from './define';

/** A township (乡镇/街道) or a village (村/社区) of the county's divisions. */
export interface Township {
  code: string;
  name: string;
  /** Pinyin of the name, full and initials (木渎镇 → muduzhen, mdz), for the pickers' search. */
  searchKeys: string[];
}

/** A county-level division of Jiangsu (区、县级市、县) for 户籍所在地: `name` with its city, 苏州市吴中区. */
export type CountyDivision = Township;

export const divisionsContract = {
  'divisions.villages': method<Township[]>()({
    input: z.strictObject({ townshipCode: z.string().regex(/^\d{9}$/, '乡镇（街道）代码应为9位') }),
    access: 'session',
    writes: false,
    title: '列出乡镇（街道）下的村（社区）',
  }),
  'divisions.townships': method<Township[]>()({
    input: z.strictObject({}),
    access: 'session',
    writes: false,
    title: '列出本县乡镇（街道）',
  }),
  'divisions.counties': method<CountyDivision[]>()({
    input: z.strictObject({}),
    access: 'session',
    writes: false,
    title: '列出江苏省各区、县（市）',
  }),
};
