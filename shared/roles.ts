/**
 * Roles and permissions are data: the router checks a method's permission
 * against the union of the caller's roles; the UI only mirrors it.
 */
export const ROLES = ['front_desk', 'counselor', 'reviewer', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'persons.read',
  'persons.write',
  /** See a full ID number or phone; every use is audited. */
  'persons.reveal',
  /** Merge a duplicate record into the surviving one. */
  'persons.merge',
  /** Lists of persons leave the system as files: masked, and audited. */
  'persons.export',
  /** Bulk import of rosters (Excel). */
  'persons.import',
  /** See cases (cases); which workflow actions a role may take is data of the case type. */
  'cases.read',
  /** Prepare a case's form and documents at the window. */
  'cases.prepare',
  /** Record contacts with a person: follow-ups, counseling sessions, job referrals (联系记录). */
  'contacts.write',
  /** 职业指导: record guidance sessions and their plans, referrals and their outcomes, follow-ups (回访). */
  'guidance.write',
  /** 团体指导 (讲座、工作坊、职业体验): sign-in at the door by ID card; registering an unknown person there also needs persons.write. */
  'guidance.checkIn',
  /** 满意度调查: take a citizen's rating of a service, on the window's rating screen or by phone. */
  'satisfaction.record',
  /** 满意度调查: the summaries by staff, service type and month, with the comments (the head). */
  'satisfaction.read',
  /** 职业培训: the providers, programmes and classes, trainees and their certificates, and the training rates. */
  'training.read',
  /** Keep the training catalogue and run classes: enrolment, attendance, completion, assessment, certificates. */
  'training.manage',
  /** 公益性岗位: the posts, the persons placed and their subsidy months. */
  'welfarePosts.read',
  /** Create posts, place certified 就业困难人员, record exits, record a month's subsidy for payment. */
  'welfarePosts.manage',
  /** 零工市场: the gig workers, the short-job demands and their dispatches. */
  'gig.read',
  /** Register gig workers, post demands, dispatch, mark complete and rate: the front desk and the community stations' staff. */
  'gig.manage',
  /** The gig market's daily statistics by day and township (the head). */
  'gig.statistics',
  /** 创业服务: business starts, 创业担保贷款, incubator places and the jobs they created. */
  'startups.read',
  /** Record business starts, loan applications with their interest-subsidy periods, incubator places. */
  'startups.manage',
  /** 就业服务站: the stations and their staff (every member of staff; the form defaults follow one's station). */
  'stations.read',
  /** Set up and change stations (the administrator, who also assigns accounts to them). */
  'stations.manage',
  /** Run the daily check (每日核验) that ends placements whose certification or term ended: staff, and the desk's own scheduler. */
  'welfarePosts.dailyCheck',
  /** Enterprise records, visits, vacancies. */
  'enterprises.read',
  /** Register and correct enterprises, record visits and surveys, post vacancies: the staff who visit enterprises. */
  'enterprises.write',
  /** See an enterprise contact's full phone; every use is audited. */
  'enterprises.reveal',
  /** Bulk import of enterprise and vacancy lists (Excel). */
  'enterprises.import',
  /** The head's lists: enterprises not visited, visits by staff, hiring demand, difficulties. */
  'enterprises.reports',
  /** 招聘会: the lists and pages of job fairs. */
  'fairs.read',
  /** Run fairs (plan, enterprises and their vacancies, intentions and outcomes): the staff who handle enterprises. */
  'fairs.write',
  /** 入场登记 at the door; registering an unknown person there also needs persons.write. */
  'fairs.checkIn',
  /** Keys, schedule and packages of the provincial exchange. */
  /**
   * 工作台: today's open, overdue and soon-due cases and this period's figures. It is the
   * landing page of whoever holds it; the front desk and counselors keep their own first screen.
   */
  'reports.dashboard',
  /**
   * The head's reports: the monthly report (就业失业情况月报) with the named list behind every
   * figure (masked; printing and xlsx audited), and open/overdue cases by staff and type.
   * The reviewer holds it too: the reviewer checks the figures and signs as 审核人.
   */
  'reports.read',
  /** Enter the report's external figures per period (城镇从业人员数, 调查失业率, 自然减员); audited. */
  'reports.figures',
  /**
   * 部门数据比对: import the lists other departments send (社保, 民政 低保/特困, deaths,
   * 市场监管, 残联) and see the history of those imports. Whole lists of deaths and
   * 低保 recipients arrive under the bureau's data-sharing arrangements, not at a
   * window, and they change what 政策找人 proposes for thousands of people: the
   * administrator (who receives and files other bodies' data, as with the
   * provincial exchange) and the head (answerable for it) import them. Staff see
   * the result one person at a time on the profile (persons.read).
   */
  'facts.import',
  'exchange.manage',
  /** The records the province sent back, to correct. */
  'exchange.worklist',
  /** 政策库: the catalogue, its versions, conditions and test cases (no personal data). */
  'policies.read',
  /** 政策找人/政策找企: judge a person or an enterprise against a policy, with the facts it was drawn from. */
  'policies.find',
  /** Keep the catalogue: drafts, checks and activation of versions (the administrator, as for the 补贴目录). */
  'policies.manage',
  /** 免申即享: confirm or reject the proposed applications of a batch (a reviewer; never who proposed it). */
  'policies.decide',
  /** 资金兑付: entitlements, batches, the ledger and recoveries (read). */
  'payments.read',
  /**
   * Prepare and move payment batches, bank files and results, accounts, reversals and recoveries.
   * Who may review or release is decided by shared/domain/payments (never the preparer).
   */
  'payments.manage',
  /** 预算额度 per fund and year: the head. */
  'payments.budget',
  /** 抽查: sample decided applications and record findings (someone who decided none of them). */
  'spotChecks.manage',
  'audit.read',
  'users.manage',
  'settings.manage',
  'system.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  front_desk: [
    'persons.read', 'persons.write', 'persons.reveal', 'persons.export', 'persons.import', 'cases.read', 'cases.prepare', 'contacts.write',
    'enterprises.read', 'enterprises.write', 'enterprises.reveal', 'enterprises.import', 'exchange.worklist', 'system.read',
    'fairs.read', 'fairs.write', 'fairs.checkIn', 'policies.read', 'policies.find', 'satisfaction.record',
    'training.read', 'welfarePosts.read',
    'gig.read', 'gig.manage', 'startups.read', 'startups.manage', 'stations.read', 'guidance.checkIn',
  ],
  counselor: [
    'persons.read', 'persons.reveal', 'persons.export', 'cases.read', 'contacts.write', 'guidance.write', 'enterprises.read', 'enterprises.write', 'enterprises.reveal', 'enterprises.import',
    'system.read', 'fairs.read', 'fairs.write', 'fairs.checkIn', 'policies.read', 'policies.find', 'satisfaction.record',
    'training.read', 'training.manage', 'welfarePosts.read', 'welfarePosts.manage',
    'gig.read', 'gig.manage', 'startups.read', 'startups.manage', 'stations.read', 'welfarePosts.dailyCheck', 'guidance.checkIn',
  ],
  reviewer: [
    'persons.read', 'persons.reveal', 'persons.merge', 'persons.export', 'cases.read', 'enterprises.read', 'reports.dashboard', 'reports.read', 'system.read', 'fairs.read',
    'policies.read', 'policies.find', 'policies.decide', 'payments.read', 'payments.manage', 'spotChecks.manage',
    'training.read', 'welfarePosts.read',
    'startups.read', 'stations.read',
  ],
  head: [
    'persons.read', 'persons.reveal', 'persons.merge', 'persons.export', 'cases.read', 'enterprises.read', 'enterprises.reveal', 'enterprises.reports',
    'reports.dashboard', 'reports.read', 'reports.figures', 'audit.read', 'system.read', 'fairs.read', 'policies.read', 'policies.find', 'policies.decide', 'facts.import',
    'payments.read', 'payments.manage', 'payments.budget', 'spotChecks.manage',
    'guidance.write', 'satisfaction.read', 'training.read', 'training.manage', 'welfarePosts.read', 'welfarePosts.manage',
    'gig.read', 'gig.statistics', 'startups.read', 'stations.read', 'welfarePosts.dailyCheck',
  ],
  // The administrator keeps the system running and does not see citizens' data by default;
  // the report's external figures carry no personal data, so the administrator may enter them.
  // Importing department data shows the administrator only the file's own cells, never the registry's.
  admin: ['users.manage', 'settings.manage', 'exchange.manage', 'exchange.worklist', 'reports.figures', 'facts.import', 'audit.read', 'system.read', 'policies.read', 'policies.manage', 'stations.read', 'stations.manage'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
