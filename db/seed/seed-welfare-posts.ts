/**
 * 公益性岗位 in the demo county, through the router: eight months before the
 * seed's day the counselor develops two posts at public employers (社区保洁员 for
 * three, 公共设施巡查员 for two, three years each), fills them a few days later
 * with persons whose 就业困难人员认定 is in force that day (the service checks
 * it again at hire), records each ended month's subsidy for payment on the
 * third working day of the next, and runs the daily check on the seed's day.
 */
import type Database from 'better-sqlite3';
import type { WelfarePostView } from '../../shared/contract';
import { addYears } from '../../shared/domain/calendar';
import { addDays, officeInstant, weekdayOnOrBefore, type SeedDriver, type Step } from './driver';

const STAFF = 'zhidao';
const POSTS = [
  { title: '社区保洁员', positions: 3, monthlySubsidyFen: 180_000, employer: (township: string) => `${township}社区服务中心` },
  { title: '公共设施巡查员', positions: 2, monthlySubsidyFen: 200_000, employer: (township: string) => `${township}综合执法队` },
] as const;

/** The next weekday on or after `day`. */
function weekdayOnOrAfter(day: string): string {
  let d = day;
  while (weekdayOnOrBefore(d) !== d) d = addDays(d, 1);
  return d;
}

export function planWelfarePosts(driver: SeedDriver, sqlite: Database.Database, o: { asOf: string; townshipName: string }): Step[] {
  const steps: Step[] = [];
  const at = (day: string, minute: number, run: () => void) => {
    if (day <= o.asOf) steps.push({ at: officeInstant(day, minute), run });
  };
  // Eight months before the seed's day, when the year's certifications have been decided.
  const developed = weekdayOnOrAfter(addDays(o.asOf, -240));
  const hireDay = weekdayOnOrAfter(addDays(developed, 3));
  const posts: WelfarePostView[] = [];
  at(developed, 9 * 60 + 30, () => {
    for (const post of POSTS) {
      const made = driver.call<WelfarePostView>(STAFF, 'welfarePosts.createPost', {
        employerName: post.employer(o.townshipName), title: post.title, positions: post.positions,
        periodFrom: developed, periodTo: addDays(addYears(developed, 3), -1), monthlySubsidyFen: post.monthlySubsidyFen,
      });
      if (made) posts.push(made);
    }
  });
  // Persons whose latest approved certification is in force on the day, of working age with years to spare, not in a post.
  const certified = sqlite.prepare(
    `select c.person_id as id from cases c join persons p on p.id = c.person_id
     where c.case_type = 'difficulty_certification' and c.state = 'approved' and c.ended_on is null and c.suspended_on is null
       and coalesce(json_extract(c.form, '$.validFrom'), '') <= @day and coalesce(json_extract(c.form, '$.validTo'), '9999-12-31') >= @day
       and c.id = (select c2.id from cases c2 where c2.person_id = c.person_id and c2.case_type = 'difficulty_certification' and c2.state = 'approved' order by c2.decided_at desc, c2.id desc limit 1)
       and p.merged_into_id is null and p.birth_date between @oldest and @youngest
       and not exists (select 1 from welfare_placements w where w.person_id = p.id and w.ended_on is null)
     order by c.person_id limit @wanted`,
  );
  at(hireDay, 10 * 60, () => {
    const youngest = `${Number(hireDay.slice(0, 4)) - 22}${hireDay.slice(4)}`;
    const oldest = `${Number(hireDay.slice(0, 4)) - 50}${hireDay.slice(4)}`;
    const wanted = posts.reduce((n, p) => n + p.positions, 0);
    const people = (certified.all({ day: hireDay, oldest, youngest, wanted }) as Array<{ id: number }>).map((r) => r.id);
    for (const post of posts) {
      for (let seat = 0; seat < post.positions && people.length > 0; seat += 1) {
        driver.call(STAFF, 'welfarePosts.hire', { postId: post.id, personId: people.shift()!, hiredOn: hireDay });
      }
    }
  });
  // Each ended month from the hires on: its subsidy recorded for payment early in the next month.
  for (let month = hireDay.slice(0, 7); ; ) {
    const next = addDays(`${month}-28`, 7).slice(0, 7);
    const recordOn = weekdayOnOrAfter(addDays(`${next}-01`, 2));
    if (recordOn > o.asOf) break;
    const m = month;
    at(recordOn, 14 * 60, () => {
      const placed = (sqlite.prepare('select count(*) as n from welfare_placements').get() as { n: number }).n;
      if (placed > 0) driver.call(STAFF, 'welfarePosts.recordSubsidies', { month: m });
    });
    month = next;
  }
  at(o.asOf, 8 * 60 + 5, () => void driver.call(STAFF, 'welfarePosts.checkDaily', { unlessDoneToday: true }));
  return steps;
}
