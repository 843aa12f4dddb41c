import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import HomePage from '../features/overview/ui/HomePage.tsx';
import { Loading } from './components/ui.tsx';

// Pages other than the home page load on first visit, keeping the initial bundle small.
const OrganisationsPage = lazy(() => import('../features/organisations/ui/OrganisationsPage.tsx'));
const OrganisationPage = lazy(() => import('../features/organisations/ui/OrganisationPage.tsx'));
const NewOrganisationPage = lazy(() => import('../features/organisations/ui/NewOrganisationPage.tsx'));
const ReviewQueuePage = lazy(() => import('../features/organisations/ui/ReviewQueuePage.tsx'));
const ImportPage = lazy(() => import('../features/organisations/ui/ImportPage.tsx'));
const InvitationPage = lazy(() => import('../features/organisations/ui/InvitationPage.tsx'));
const RegionsPage = lazy(() => import('../features/regions/ui/RegionsPage.tsx'));
const RegionPage = lazy(() => import('../features/regions/ui/RegionPage.tsx'));
const EventsPage = lazy(() => import('../features/events/ui/EventsPage.tsx'));
const EventPage = lazy(() => import('../features/events/ui/EventPage.tsx'));
const SignInPage = lazy(() => import('../features/accounts/ui/SignInPage.tsx'));
const SignUpPage = lazy(() => import('../features/accounts/ui/SignUpPage.tsx'));
const AccountPage = lazy(() => import('../features/accounts/ui/AccountPage.tsx'));
const AttributionsPage = lazy(() => import('./pages/AttributionsPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

function PageFallback() {
  return (
    <div className="container page">
      <Loading />
    </div>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/organisations" component={OrganisationsPage} />
        <Route path="/organisations/new" component={NewOrganisationPage} />
        <Route path="/organisations/:slug" component={OrganisationPage} />
        <Route path="/admin/review" component={ReviewQueuePage} />
        <Route path="/admin/import" component={ImportPage} />
        <Route path="/admin/import/:id" component={ImportPage} />
        <Route path="/invitations/:token" component={InvitationPage} />
        <Route path="/regions" component={RegionsPage} />
        <Route path="/regions/:code" component={RegionPage} />
        <Route path="/events" component={EventsPage} />
        <Route path="/events/:slug" component={EventPage} />
        <Route path="/signin" component={SignInPage} />
        <Route path="/signup" component={SignUpPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/attributions" component={AttributionsPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
