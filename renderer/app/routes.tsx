import { Navigate, type RouteObject } from 'react-router';
import { NAV_AREAS } from '../../shared/labels/zh-CN';
import { useSession } from '../api/queries';
import { AdminPage } from './admin-page';
import { AccountPage } from '../auth/account-page';
import { CasePage } from '../cases/case-page';
import { CasesPage } from '../cases/cases-page';
import { FollowUpPage } from '../contacts/follow-up-page';
import { GuidanceEventPage } from '../guidance/event-page';
import { GuidanceEventsPage } from '../guidance/events-page';
import { GuidanceGroupChartsPage, GuidanceGroupListPage } from '../guidance/group-charts-page';
import { NewCasePage } from '../cases/new-case-page';
import { CertificationNoticePage, RefusalNoticePage } from '../cases/notice-pages';
import { DeclineNoticePage } from '../cases/decline-notice-page';
import { ReceiptPage } from '../cases/receipt-page';
import { AuditPage } from '../audit/audit-page';
import { EnterpriseProfilePage } from '../enterprises/enterprise-profile-page';
import { ExchangePage } from '../exchange/exchange-page';
import { FactsPage } from '../facts/facts-page';
import { FairPage } from '../fairs/fair-page';
import { FairsPage } from '../fairs/fairs-page';
import { FairSummaryPage } from '../fairs/summary-page';
import { TrainingClassPage } from '../training/class-page';
import { TrainingRateListPage } from '../training/rate-list-page';
import { TrainingRatesPage } from '../training/rates-page';
import { TrainingPage } from '../training/training-page';
import { WelfarePostsPage } from '../welfarePosts/welfare-posts-page';
import { GigPage } from '../gig/gig-page';
import { GigStationScreen } from '../gig/station-screen';
import { StartupDetailPage } from '../startups/startup-detail-page';
import { StartupsPage } from '../startups/startups-page';
import { StationSummaryPage } from '../stations/station-summary-page';
import { EnterprisesPage } from '../enterprises/enterprises-page';
import { RegisterEnterprisePage } from '../enterprises/register-enterprise-page';
import { EnterpriseReportsPage } from '../enterprises/reports-page';
import { TasksPage } from '../enterprises/tasks-page';
import { VacanciesPage } from '../vacancies/vacancies-page';
import { VacancySheetPage } from '../vacancies/vacancy-sheet-page';
import { VacancyMatchesPage } from '../matching/vacancy-matches-page';
import { RatingScreen } from '../satisfaction/rating-screen';
import { SatisfactionSummaryPage } from '../satisfaction/satisfaction-summary-page';
import { VisitFormPage } from '../enterprises/visit-form-page';
import { VisitPage } from '../enterprises/visit-page';
import { AccessReportPage } from '../audit/access-report-page';
import { ENTERPRISE_IMPORT_UI, ImportPage, VACANCY_IMPORT_UI } from './import-page';
import { BatchNoticePage } from '../policies/batch-notice-page';
import { BatchPage } from '../policies/batch-page';
import { FindingPage } from '../policies/finding-page';
import { FindingsPage } from '../policies/findings-page';
import { PoliciesPage } from '../policies/policies-page';
import { PolicyPage } from '../policies/policy-page';
import { EntitlementsPage } from '../payments/entitlements-page';
import { BatchesPage as PaymentBatchesPage } from '../payments/batches-page';
import { PaymentBatchPage } from '../payments/batch-page';
import { RecoveriesPage } from '../payments/recoveries-page';
import { LedgerPage } from '../payments/ledger-page';
import { LedgerLinesPage } from '../payments/ledger-lines-page';
import { SpotChecksPage } from '../payments/spot-checks-page';
import { SpotCheckPage } from '../payments/spot-check-page';
import { PersonProfilePage } from '../persons/person-profile-page';
import { PersonsPage } from '../persons/persons-page';
import { RegisterPersonPage } from '../persons/register-person-page';
import { DashboardPage } from '../reports/dashboard-page';
import { ExternalFiguresPage } from '../reports/external-figures-page';
import { CaseQueuePage } from '../reports/case-queue-page';
import { MonthlyReportPage } from '../reports/monthly-report-page';
import { NamedListPage } from '../reports/named-list-page';
import { Shell } from '../shell/app-shell';
import { ComingSoon } from '../shell/coming-soon';

/** Staff land in their first work area: the head and reviewers in 工作台, the front desk in 登记/经办, an administrator in 系统管理. */
function HomeRedirect() {
  const session = useSession();
  const first = NAV_AREAS.find((a) => a.ready && !('landing' in a) && session.data?.permissions.includes(a.permission));
  return <Navigate to={first?.path ?? '/persons'} replace />;
}

export const routes: RouteObject[] = [
  // 评价器: faces the citizen, so it has none of the app's menus.
  { path: '/rate/:serviceType/:serviceId', element: <RatingScreen /> },
  // 零工驿站: a community station's shared PC, large type and no menus.
  { path: '/gig/station', element: <GigStationScreen /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'persons', element: <PersonsPage /> },
      { path: 'persons/new', element: <RegisterPersonPage /> },
      { path: 'persons/import', element: <ImportPage /> },
      { path: 'persons/:id', element: <PersonProfilePage /> },
      { path: 'persons/:id/access-report', element: <AccessReportPage /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'cases/new', element: <NewCasePage /> },
      { path: 'cases/:id', element: <CasePage /> },
      { path: 'cases/:id/receipt', element: <ReceiptPage /> },
      { path: 'cases/:id/refusal-notice', element: <RefusalNoticePage /> },
      { path: 'cases/:id/decline-notice', element: <DeclineNoticePage /> },
      { path: 'cases/:id/certification-notice', element: <CertificationNoticePage /> },
      { path: 'counseling', element: <FollowUpPage /> },
      { path: 'counseling/events', element: <GuidanceEventsPage /> },
      { path: 'counseling/events/:id', element: <GuidanceEventPage /> },
      { path: 'counseling/groups', element: <GuidanceGroupChartsPage /> },
      { path: 'counseling/groups/list', element: <GuidanceGroupListPage /> },
      { path: 'enterprises', element: <EnterprisesPage /> },
      { path: 'enterprises/new', element: <RegisterEnterprisePage /> },
      { path: 'enterprises/import', element: <ImportPage kind={ENTERPRISE_IMPORT_UI} /> },
      { path: 'enterprises/vacancies', element: <VacanciesPage /> },
      { path: 'enterprises/vacancies/import', element: <ImportPage kind={VACANCY_IMPORT_UI} /> },
      { path: 'enterprises/vacancies/sheet', element: <VacancySheetPage /> },
      { path: 'enterprises/vacancies/:id/matches', element: <VacancyMatchesPage /> },
      { path: 'enterprises/tasks', element: <TasksPage /> },
      { path: 'enterprises/reports', element: <EnterpriseReportsPage /> },
      { path: 'enterprises/visits/:visitId', element: <VisitPage /> },
      { path: 'enterprises/:id', element: <EnterpriseProfilePage /> },
      { path: 'enterprises/:id/visit', element: <VisitFormPage /> },
      { path: 'fairs', element: <FairsPage /> },
      { path: 'fairs/:id', element: <FairPage /> },
      { path: 'fairs/:id/summary', element: <FairSummaryPage /> },
      { path: 'training', element: <TrainingPage /> },
      { path: 'training/classes/:id', element: <TrainingClassPage /> },
      { path: 'training/rates', element: <TrainingRatesPage /> },
      { path: 'training/rates/list', element: <TrainingRateListPage /> },
      { path: 'welfare-posts', element: <WelfarePostsPage /> },
      { path: 'gig', element: <GigPage /> },
      { path: 'startups', element: <StartupsPage /> },
      { path: 'startups/:id', element: <StartupDetailPage /> },
      { path: 'stations', element: <StationSummaryPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'reports', element: <MonthlyReportPage /> },
      { path: 'reports/list', element: <NamedListPage /> },
      { path: 'reports/queue', element: <CaseQueuePage /> },
      { path: 'reports/figures', element: <ExternalFiguresPage /> },
      { path: 'exchange', element: <ExchangePage /> },
      { path: 'policies', element: <PoliciesPage /> },
      { path: 'policies/findings', element: <FindingsPage /> },
      { path: 'policies/findings/:id', element: <FindingPage /> },
      { path: 'policies/batches/:id', element: <BatchPage /> },
      { path: 'policies/batches/:id/notice', element: <BatchNoticePage /> },
      { path: 'policies/:code', element: <PolicyPage /> },
      { path: 'payments', element: <EntitlementsPage /> },
      { path: 'payments/batches', element: <PaymentBatchesPage /> },
      { path: 'payments/batches/:id', element: <PaymentBatchPage /> },
      { path: 'payments/recoveries', element: <RecoveriesPage /> },
      { path: 'payments/ledger', element: <LedgerPage /> },
      { path: 'payments/ledger/lines', element: <LedgerLinesPage /> },
      { path: 'payments/spot-checks', element: <SpotChecksPage /> },
      { path: 'payments/spot-checks/:id', element: <SpotCheckPage /> },
      { path: 'facts', element: <FactsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'satisfaction', element: <SatisfactionSummaryPage /> },
      ...NAV_AREAS.filter((a) => !a.ready).map((a) => ({ path: a.path.slice(1), element: <ComingSoon title={a.label} /> })),
      { path: '*', element: <HomeRedirect /> },
    ],
  },
];
