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
const OrganisationInvitationPage = lazy(
  () => import('../features/organisations/ui/OrganisationInvitationPage.tsx'),
);
const RegionsPage = lazy(() => import('../features/regions/ui/RegionsPage.tsx'));
const RegionPage = lazy(() => import('../features/regions/ui/RegionPage.tsx'));
const IndicatorImportPage = lazy(() => import('../features/regions/ui/IndicatorImportPage.tsx'));
const ComparePage = lazy(() => import('../features/regions/ui/ComparePage.tsx'));
const EventsPage = lazy(() => import('../features/events/ui/EventsPage.tsx'));
const EventPage = lazy(() => import('../features/events/ui/EventPage.tsx'));
const AgendaPage = lazy(() => import('../features/events/ui/AgendaPage.tsx'));
const AgendaEditPage = lazy(() => import('../features/events/ui/AgendaEditPage.tsx'));
const PitchesPage = lazy(() => import('../features/events/ui/PitchesPage.tsx'));
const SummaryPage = lazy(() => import('../features/events/ui/SummaryPage.tsx'));
const CallsPage = lazy(() => import('../features/calls/ui/CallsPage.tsx'));
const CallPage = lazy(() => import('../features/calls/ui/CallPage.tsx'));
const CallReviewPage = lazy(() => import('../features/calls/ui/CallReviewPage.tsx'));
const B2bPage = lazy(() => import('../features/matchmaking/ui/B2bPage.tsx'));
const B2bManagePage = lazy(() => import('../features/matchmaking/ui/B2bManagePage.tsx'));
const RegisterPage = lazy(() => import('../features/events/ui/RegisterPage.tsx'));
const RegistrationsManagePage = lazy(() => import('../features/events/ui/RegistrationsManagePage.tsx'));
const OutboxPage = lazy(() => import('../features/notifications/ui/OutboxPage.tsx'));
const SignInPage = lazy(() => import('../features/accounts/ui/SignInPage.tsx'));
const SignUpPage = lazy(() => import('../features/accounts/ui/SignUpPage.tsx'));
const AccountPage = lazy(() => import('../features/accounts/ui/AccountPage.tsx'));
const AttributionsPage = lazy(() => import('./pages/AttributionsPage.tsx'));
const TermsPage = lazy(() => import('./pages/TermsPage.tsx'));
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
        <Route path="/organisation-invitations/:token" component={OrganisationInvitationPage} />
        <Route path="/regions" component={RegionsPage} />
        <Route path="/regions/compare" component={ComparePage} />
        <Route path="/regions/:code" component={RegionPage} />
        <Route path="/events" component={EventsPage} />
        <Route path="/events/:slug" component={EventPage} />
        <Route path="/events/:slug/agenda" component={AgendaPage} />
        <Route path="/events/:slug/agenda/edit" component={AgendaEditPage} />
        <Route path="/events/:slug/pitches" component={PitchesPage} />
        <Route path="/events/:slug/summary" component={SummaryPage} />
        <Route path="/calls" component={CallsPage} />
        <Route path="/calls/:id" component={CallPage} />
        <Route path="/calls/:id/review" component={CallReviewPage} />
        <Route path="/events/:slug/b2b" component={B2bPage} />
        <Route path="/events/:slug/b2b/manage" component={B2bManagePage} />
        <Route path="/events/:slug/register" component={RegisterPage} />
        <Route path="/events/:slug/registrations" component={RegistrationsManagePage} />
        <Route path="/admin/outbox" component={OutboxPage} />
        <Route path="/admin/indicators" component={IndicatorImportPage} />
        <Route path="/signin" component={SignInPage} />
        <Route path="/signup" component={SignUpPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/attributions" component={AttributionsPage} />
        <Route path="/terms" component={TermsPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
