import { describe, expect, it } from 'vitest';
import type { AuditPage, GigDemandView, GigMatchesView, GigStatisticsRow, GigWorkerView, TimelineSection } from '../../shared/contract';
import { advanceDays, colleagues, registerPerson } from './cases-helpers';
import { registerEnterprise } from './enterprise-helpers';
import { expectError, expectOk, readyDesk, type ReadyDesk } from './helpers';
import { LI_XIUYING, rows, ZENG_XIAOXIAN, ZHANG_LI, ZHANG_SAN } from './registry-helpers';

// The desk's clock starts on Friday 2026-11-27 (weekday 5). 长桥街道 320506001, 越溪街道 320506003.
const CHANGQIAO = '320506001';
const YUEXI = '320506003';
const WORKER = { skills: ['保洁', '做饭'], availableDays: [5, 6, 7], dayParts: ['morning', 'afternoon'], townshipCode: CHANGQIAO, contactConsent: true };
const HOUSEHOLD = {
  source: 'household', contactName: '王阿姨', contactPhone: '139 1234 5678', task: '家庭保洁', skills: ['保洁'], townshipCode: CHANGQIAO, address: '长桥街道龙西新村12幢301',
  workDate: '2026-11-27', startTime: '08:00', endTime: '12:00', payFen: 3000, payUnit: 'hour', peopleNeeded: 1,
};

function writes(ready: ReadyDesk): string {
  return ['gig_workers', 'gig_demands', 'gig_dispatches', 'audit_log', 'exchange_changes'].map((t) => `${t}:${rows(ready, `select count(*) as n from ${t}`)[0]!.n}`).join(' ');
}

describe('零工市场: demands from households and enterprises matched to registered gig workers, dispatched, completed and rated', () => {
  it('refuses a demand in the past, with no pay or no people, naming each field in Chinese and writing nothing', () => {
    const ready = readyDesk();
    const before = writes(ready);
    const refused = expectError(ready.call('gig.postDemand', { ...HOUSEHOLD, workDate: '2026-11-26', payFen: 0, peopleNeeded: 0 }), 'BAD_INPUT');
    expect(refused.message).toBe('用工日期：用工日期不能早于今天（2026-11-27）；报酬：报酬应大于0；需要人数：需要人数应至少1人');
    expect(Object.keys(refused.fields ?? {})).toEqual(['workDate', 'payFen', 'peopleNeeded']);
    expect(expectError(ready.call('gig.postDemand', { ...HOUSEHOLD, startTime: '14:00', endTime: '09:00' }), 'BAD_INPUT').message).toBe('结束时间：结束时间应晚于开始时间（14:00）');
    expect(expectError(ready.call('gig.postDemand', { ...HOUSEHOLD, contactName: null }), 'BAD_INPUT').message).toBe('联系人：居民家庭发布的需求请填写联系人');
    expect(expectError(ready.call('gig.postDemand', { ...HOUSEHOLD, source: 'enterprise', enterpriseId: 99 }), 'BAD_INPUT').message).toBe('用工企业：没有编号为 99 的企业');
    expect(expectError(ready.call('gig.postDemand', { ...HOUSEHOLD, townshipCode: '320507001' }), 'BAD_INPUT').message).toBe('用工乡镇（街道）：请从本县的乡镇（街道）中选择');
    expect(writes(ready)).toBe(before);
  });

  it('ranks by skill, area and availability with reasons, dispatches no more than needed and nobody twice at once, and completes and rates both ways', () => {
    const ready = readyDesk();
    const { liuyang, zhouqiang } = colleagues(ready, ['liuyang', 'zhouqiang']);
    const zhang = registerPerson(ready, ZHANG_SAN);
    const li = registerPerson(ready, LI_XIUYING);
    const noConsent = registerPerson(ready, ZHANG_LI);
    const weekdaysOnly = registerPerson(ready, ZENG_XIAOXIAN);
    const a = expectOk<GigWorkerView>(liuyang.call('gig.registerWorker', { personId: zhang, ...WORKER }));
    expect(a).toMatchObject({ personName: '张三', townshipName: '长桥街道', consentOn: '2026-11-27', phoneMasked: '139****1234', skills: ['保洁', '做饭'] });
    const b = expectOk<GigWorkerView>(liuyang.call('gig.registerWorker', { personId: li, ...WORKER, skills: ['保洁'], availableDays: [1, 2, 3, 4, 5, 6, 7], dayParts: ['morning'], townshipCode: YUEXI }));
    expectOk(liuyang.call('gig.registerWorker', { personId: noConsent, ...WORKER, contactConsent: false }));
    const d = expectOk<GigWorkerView>(liuyang.call('gig.registerWorker', { personId: weekdaysOnly, ...WORKER, availableDays: [1, 2, 3] }));
    expect(expectError(liuyang.call('gig.registerWorker', { personId: zhang, ...WORKER }), 'BAD_INPUT').message).toBe(`人员：张三已有零工登记（编号 ${a.id}），请修改原登记`);

    const cleaning = expectOk<GigDemandView>(liuyang.call('gig.postDemand', HOUSEHOLD));
    expect(cleaning).toMatchObject({ demanderName: '王阿姨', contactPhoneMasked: '139****5678', payText: '30元/小时', townshipName: '长桥街道', dispatched: 0 });
    const found = expectOk<GigMatchesView>(liuyang.call('gig.matches', { demandId: cleaning.id }));
    // 张三: skill 50 + same township 30 + Friday morning free 20; 李秀英: skill and time, another township.
    expect(found.ranked.map((m) => [m.personName, m.score, m.reasons])).toEqual([
      ['张三', 100, ['技能相符：保洁', '同在长桥街道', '周五上午有空']],
      ['李秀英', 70, ['技能相符：保洁', '住在越溪街道，不在长桥街道', '周五上午有空']],
    ]);
    // Without consent 张丽 is not offered at all; 曾小贤 does not work on Fridays.
    expect(found.excluded).toEqual([{ workerId: d.id, personName: '曾小贤', reason: '周五不接零工' }]);

    expect(expectOk<GigDemandView>(liuyang.call('gig.dispatch', { demandId: cleaning.id, workerId: a.id })).dispatched).toBe(1);
    expect(expectError(liuyang.call('gig.dispatch', { demandId: cleaning.id, workerId: b.id }), 'BAD_INPUT').message).toBe('零工需求：该需求只需要1人，已全部派出');

    const firm = registerEnterprise(ready);
    const moving = expectOk<GigDemandView>(liuyang.call('gig.postDemand', {
      source: 'enterprise', enterpriseId: firm.id, task: '仓库搬运', skills: ['搬运'], townshipCode: CHANGQIAO, address: '长桥街道宝带西路88号',
      workDate: '2026-11-27', startTime: '10:00', endTime: '16:00', payFen: 20000, payUnit: 'day', peopleNeeded: 2,
    }));
    expect(moving.demanderName).toBe('苏州吴中精工机械有限公司');
    const before = writes(ready);
    expect(expectError(liuyang.call('gig.dispatch', { demandId: moving.id, workerId: a.id }), 'BAD_INPUT').message).toBe('零工人员：此人2026-11-27 08:00–12:00已派往“家庭保洁”，时间重叠');
    expect(writes(ready)).toBe(before);
    expect(expectOk<GigMatchesView>(liuyang.call('gig.matches', { demandId: moving.id })).excluded.map((e) => [e.personName, e.reason])).toContainEqual(['张三', '已派往“家庭保洁”（08:00–12:00），时间重叠']);
    const withLi = expectOk<GigDemandView>(liuyang.call('gig.dispatch', { demandId: moving.id, workerId: b.id }));
    const liDispatch = withLi.dispatches[0]!;
    expect(expectError(liuyang.call('gig.rate', { dispatchId: liDispatch.id, version: liDispatch.version, side: 'worker', rating: 5 }), 'BAD_INPUT').message).toBe('派单：完工后才能评价');

    const sent = expectOk<GigDemandView[]>(liuyang.call('gig.demands', { from: '2026-11-27', to: '2026-11-27' })).find((x) => x.id === cleaning.id)!.dispatches[0]!;
    const done = expectOk<GigDemandView>(liuyang.call('gig.complete', { dispatchId: sent.id, version: sent.version })).dispatches[0]!;
    expect(done).toMatchObject({ status: 'completed', statusLabel: '已完工', completedOn: '2026-11-27' });
    const rated = expectOk<GigDemandView>(liuyang.call('gig.rate', { dispatchId: done.id, version: done.version, side: 'worker', rating: 5 })).dispatches[0]!;
    expect(expectError(liuyang.call('gig.rate', { dispatchId: done.id, version: rated.version, side: 'demand', rating: 6 }), 'BAD_INPUT').message).toBe('评分：评分应为1到5分');
    expect(expectError(liuyang.call('gig.rate', { dispatchId: done.id, version: rated.version, side: 'demand', rating: 0 }), 'BAD_INPUT').message).toBe('评分：评分应为1到5分');
    const both = expectOk<GigDemandView>(liuyang.call('gig.rate', { dispatchId: done.id, version: rated.version, side: 'demand', rating: 4 })).dispatches[0]!;
    expect(both).toMatchObject({ workerRating: 5, demandRating: 4 });
    expect(expectError(liuyang.call('gig.rate', { dispatchId: done.id, version: both.version, side: 'worker', rating: 1 }), 'CONFLICT').message).toBe('需求方已评价此零工（5分）');
    expect(expectOk<GigWorkerView[]>(liuyang.call('gig.workers', {})).find((w) => w.id === a.id)).toMatchObject({ completed: 1, averageRating: 5 });

    // The head reads the day: two demands posted in 长桥街道, two people sent, one job done rated 5 and 4.
    const stats = expectOk<{ rows: GigStatisticsRow[]; total: { completed: number } }>(zhouqiang.call('gig.statistics', { from: '2026-11-27', to: '2026-11-27' }));
    expect(stats.rows).toEqual([{ day: '2026-11-27', townshipCode: CHANGQIAO, townshipName: '长桥街道', demandsPosted: 2, peopleDispatched: 2, completed: 1, averageWorkerRating: 5, averageDemandRating: 4 }]);
    expect(expectError(liuyang.call('gig.statistics', { from: '2026-11-27', to: '2026-11-27' }), 'FORBIDDEN').code).toBe('FORBIDDEN');

    // The job is on 张三's timeline, and the province receives workers and demands (without the household's phone).
    const timeline = expectOk<TimelineSection[]>(ready.call('persons.timeline', { id: zhang }));
    expect(timeline.find((s) => s.kind === 'gigs')!.events.map((e) => [e.title, e.detail])).toEqual([
      ['零工：家庭保洁（2026-11-27 08:00–12:00，已完工）', '长桥街道 · 30元/小时 · 派单 2026-11-27 · 完工 2026-11-27 · 需求方评价 5分 · 本人评价需求 4分'],
      ['登记为零工', null],
    ]);
    expect(rows(ready, "select entity, count(*) as n from exchange_changes where entity like 'gig_%' group by entity").map((r) => r.entity)).toEqual(['gig_demands', 'gig_workers']);

    // The head's audit log names the demand and the rating in words.
    const audit = expectOk<AuditPage>(ready.call('audit.list', { page: 1, pageSize: 100 })).items;
    expect(audit.find((e) => e.action === 'gig.postDemand' && e.entityId === String(cleaning.id))).toMatchObject({ entityLabel: '零工需求 2026-11-27 家庭保洁', detailText: '数量：1；名称：家庭保洁；日期：2026-11-27；乡镇（街道）代码：320506001' });
    expect(audit.filter((e) => e.action === 'gig.rate').map((e) => e.detailText)).toContain(`零工需求编号：${cleaning.id}；评价方向：需求方评价零工；评分（1–5）：5`);

    // A demand for a day already gone cannot be given people any more.
    advanceDays(ready, 1, [liuyang]);
    expect(expectError(liuyang.call('gig.dispatch', { demandId: moving.id, workerId: d.id }), 'BAD_INPUT').message).toBe('零工需求：用工日期2026-11-27已过，不能再派单');
  });

  it('keeps the day consent was given through later edits (a new day once withdrawn and given again); a paused worker or one who withdrew consent is neither offered nor dispatched', () => {
    const ready = readyDesk();
    const { liuyang } = colleagues(ready, ['liuyang']);
    const worker = expectOk<GigWorkerView>(liuyang.call('gig.registerWorker', { personId: registerPerson(ready, ZHANG_SAN), ...WORKER }));
    const demand = expectOk<GigDemandView>(liuyang.call('gig.postDemand', { ...HOUSEHOLD, workDate: '2026-11-28' }));
    advanceDays(ready, 1, [liuyang]);
    const edit = { workerId: worker.id, skills: ['保洁'], availableDays: [6], dayParts: ['morning'], townshipCode: CHANGQIAO, contactConsent: true };
    const paused = expectOk<GigWorkerView>(liuyang.call('gig.updateWorker', { ...edit, version: worker.version, status: 'paused' }));
    expect(paused).toMatchObject({ status: 'paused', consentOn: '2026-11-27', availableDays: [6] });
    expect(expectError(liuyang.call('gig.updateWorker', { ...edit, version: worker.version, status: 'active' }), 'CONFLICT').message).toBe('该零工登记已被他人修改，请刷新后重试');
    expect(expectOk<GigMatchesView>(liuyang.call('gig.matches', { demandId: demand.id })).ranked).toEqual([]);
    expect(expectError(liuyang.call('gig.dispatch', { demandId: demand.id, workerId: worker.id }), 'BAD_INPUT').message).toBe('零工人员：此人已暂停接单');
    const withdrawn = expectOk<GigWorkerView>(liuyang.call('gig.updateWorker', { ...edit, version: paused.version, status: 'active', contactConsent: false }));
    expect(withdrawn.consentOn).toBeNull();
    expect(expectError(liuyang.call('gig.dispatch', { demandId: demand.id, workerId: worker.id }), 'BAD_INPUT').message).toBe('零工人员：此人未同意接受零工联系，不能派单');
    const again = expectOk<GigWorkerView>(liuyang.call('gig.updateWorker', { ...edit, version: withdrawn.version, status: 'active' }));
    expect(again.consentOn).toBe('2026-11-28');
    expect(expectOk<GigMatchesView>(liuyang.call('gig.matches', { demandId: demand.id })).ranked.map((m) => m.personName)).toEqual(['张三']);

    // The household calls it off: the demand stays on record, cancelled with its reason, and frees the worker for another job at that time.
    const sent = expectOk<GigDemandView>(liuyang.call('gig.dispatch', { demandId: demand.id, workerId: worker.id }));
    const cancelled = expectOk<GigDemandView>(liuyang.call('gig.cancelDemand', { demandId: demand.id, version: sent.version, reason: '王阿姨临时出差' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '王阿姨临时出差', dispatched: 0 });
    expect(cancelled.dispatches.map((d) => d.statusLabel)).toEqual(['已取消']);
    expect(expectError(liuyang.call('gig.cancelDemand', { demandId: demand.id, version: cancelled.version, reason: '重复' }), 'CONFLICT').message).toBe('该需求已撤销（王阿姨临时出差）');
    expect(expectError(liuyang.call('gig.dispatch', { demandId: demand.id, workerId: worker.id }), 'BAD_INPUT').message).toBe('零工需求：该需求已取消');
    const other = expectOk<GigDemandView>(liuyang.call('gig.postDemand', { ...HOUSEHOLD, task: '擦窗', workDate: '2026-11-28' }));
    expect(expectOk<GigDemandView>(liuyang.call('gig.dispatch', { demandId: other.id, workerId: worker.id })).dispatched).toBe(1);
  });
});
