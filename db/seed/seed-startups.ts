/**
 * 就业服务站 and 创业服务 in the demo county, through the router: at the start
 * the administrator sets up a station in each of the first three townships
 * (one in a community) and puts the second front-desk clerk (顾建华) at the
 * first, so the cases she accepts from then on carry it; then, a few days
 * after some registered enterprises appear, the front desk records who
 * started them, two in three apply for a 创业担保贷款 (granted a month later,
 * with its first half-year of 贴息), and one in three takes an incubator place.
 */
import type Database from 'better-sqlite3';
import type { BusinessStartView, StationView, UserView } from '../../shared/contract';
import { businessKindOfCreditCode } from '../../shared/domain/startups';
import { addMonths } from '../../shared/domain/calendar';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';
import type { SeededEnterprise } from './seed-enterprises';

const ADMIN = 'admin';
const CLERK = 'qiantai';
const STATION_CLERK = 'qiantai2';
const STATION_NAMES = ['就业服务站', '社区就业服务站', '就业服务站'];
const BANKS = ['农业银行吴中支行', '苏州农商银行木渎支行', '建设银行吴中支行', '邮储银行吴中支行'];
const INCUBATORS = ['吴中区大学生创业园', '木渎镇创业孵化基地', '越溪创客空间'];

export function planStartups(
  driver: SeedDriver,
  sqlite: Database.Database,
  o: { random: () => number; from: string; asOf: string; townships: { code: string; villages: string[] }[]; placeNames: Map<string, string>; enterprises: SeededEnterprise[]; count: number },
): Step[] {
  const r = o.random;
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };
  at(o.from, 8 * 60 + 10, () => {
    const made = o.townships.slice(0, 3).map((t, i) => {
      const village = i === 1 ? (t.villages[0] ?? null) : null;
      const place = village ? (o.placeNames.get(village) ?? '') : (o.placeNames.get(t.code) ?? '');
      return driver.call<StationView>(ADMIN, 'stations.create', { name: `${place}${STATION_NAMES[i]}`, townshipCode: t.code, villageCode: village, address: `${o.placeNames.get(t.code) ?? ''}便民服务中心一楼` });
    });
    const clerk = driver.call<UserView[]>(ADMIN, 'users.list', {})?.find((u) => u.username === STATION_CLERK);
    if (clerk && made[0]) driver.call<UserView>(ADMIN, 'users.setStation', { id: clerk.id, version: clerk.version, stationId: made[0].id });
  });

  const founders = sqlite.prepare(
    `select id from persons where merged_into_id is null and employment_status != 'retired' and birth_date between ? and ? and substr(created_at, 1, 10) < ?
     and id not in (select person_id from business_starts) order by id limit 1 offset ?`,
  );
  const candidates = o.enterprises.filter((e) => e.registeredOn > o.from && e.registeredOn < addDays(o.asOf, -60));
  for (let n = 0; n < o.count && candidates.length > 0; n += 1) {
    const firm = candidates.splice(Math.floor(r() * candidates.length), 1)[0]!;
    const startedOn = firm.registeredOn;
    const recordDay = weekdayOnOrBefore(addDays(startedOn, 5));
    const offset = Math.floor(r() * 500);
    const loan = r() < 0.67
      ? { amountFen: (5 + Math.floor(r() * 25)) * 1_000_000, termMonths: r() < 0.5 ? 24 : 36, bank: BANKS[Math.floor(r() * BANKS.length)]!, guaranteeKind: r() < 0.5 ? 'guarantee_fund' : 'counter_guarantee_waived' }
      : null;
    const incubator = r() < 0.34 ? INCUBATORS[Math.floor(r() * INCUBATORS.length)]! : null;
    const state: { start?: BusinessStartView | null } = {};
    at(recordDay, 10 * 60 + n, () => {
      if (firm.id === null) return;
      const year = Number(startedOn.slice(0, 4));
      const founder = founders.get(`${year - 50}${startedOn.slice(4)}`, `${year - 22}${startedOn.slice(4)}`, startedOn, offset) as { id: number } | undefined;
      if (!founder) return;
      state.start = driver.call<BusinessStartView>(CLERK, 'startups.recordStart', { personId: founder.id, enterpriseId: firm.id, startedOn, kind: businessKindOfCreditCode(firm.creditCode) });
      if (state.start && incubator) {
        driver.call(CLERK, 'startups.addIncubation', { businessStartId: state.start.id, incubator, place: `${String.fromCharCode(65 + n % 3)}区${10 + n}号`, fromOn: startedOn, toOn: addDays(addMonths(startedOn, 24), -1) });
      }
    });
    if (loan) {
      const grantDay = weekdayOnOrBefore(addDays(recordDay, 30));
      at(grantDay, 14 * 60 + n, () => {
        if (!state.start) return;
        const grantedOn = grantDay;
        // The first half-year's 贴息 [confirm]: half of a year's interest at 3.45% on the amount.
        const halfYear = { periodFrom: grantedOn, periodTo: addDays(addMonths(grantedOn, 6), -1), amountFen: Math.round(loan.amountFen * 0.0345 / 2) };
        driver.call(CLERK, 'startups.applyLoan', {
          businessStartId: state.start.id, borrower: 'individual', amountFen: loan.amountFen, bank: loan.bank, termMonths: loan.termMonths,
          guaranteeKind: loan.guaranteeKind, appliedOn: addDays(recordDay, 1) > grantedOn ? grantedOn : addDays(recordDay, 1), grantedOn,
          interestPeriods: [halfYear],
        });
      });
    }
  }
  return steps;
}
