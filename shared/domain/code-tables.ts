/** National code tables used by person records (DOMAIN.md §5). */

/** GB 3304 ethnicity codes. */
export const ETHNICITIES: ReadonlyArray<readonly [code: string, name: string]> = (
  '01汉 02蒙古 03回 04藏 05维吾尔 06苗 07彝 08壮 09布依 10朝鲜 11满 12侗 13瑶 14白 15土家 16哈尼 ' +
  '17哈萨克 18傣 19黎 20傈僳 21佤 22畲 23高山 24拉祜 25水 26东乡 27纳西 28景颇 29柯尔克孜 30土 ' +
  '31达斡尔 32仫佬 33羌 34布朗 35撒拉 36毛南 37仡佬 38锡伯 39阿昌 40普米 41塔吉克 42怒 43乌孜别克 ' +
  '44俄罗斯 45鄂温克 46德昂 47保安 48裕固 49京 50塔塔尔 51独龙 52鄂伦春 53赫哲 54门巴 55珞巴 56基诺'
)
  .split(' ')
  .map((entry) => [entry.slice(0, 2), `${entry.slice(2)}族`] as const);

export const ETHNICITY_CODES = ETHNICITIES.map(([code]) => code);

export const HOUSEHOLD_TYPES = ['urban', 'rural'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
