import { Navigate, type RouteObject } from 'react-router';
import { NAV_AREAS } from '../../shared/labels/zh-CN';
import { PersonProfilePage } from '../persons/person-profile-page';
import { PersonsPage } from '../persons/persons-page';
import { RegisterPersonPage } from '../persons/register-person-page';
import { Shell } from '../shell/app-shell';
import { ComingSoon } from '../shell/coming-soon';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/persons" replace /> },
      { path: 'persons', element: <PersonsPage /> },
      { path: 'persons/new', element: <RegisterPersonPage /> },
      { path: 'persons/:id', element: <PersonProfilePage /> },
      ...NAV_AREAS.filter((a) => !a.ready).map((a) => ({ path: a.path.slice(1), element: <ComingSoon title={a.label} /> })),
      { path: '*', element: <Navigate to="/persons" replace /> },
    ],
  },
];
