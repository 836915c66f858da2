import { lazy, Suspense, type ReactNode } from 'react';
import { CaptureDialogs } from './features/capture/CaptureDialogs';
import { PipelinePage } from './features/pipeline/PipelinePage';
import { RecoveryNotice } from './RecoveryNotice';
import { SampleBanner } from './features/sample/SampleBanner';
import { SampleDataProvider, useSampleData } from './features/sample/SampleData';
import { SearchLauncher } from './features/search/SearchLauncher';
import { ShellKeys } from './features/shortcuts/ShellKeys';
import { TodayPage } from './features/today/TodayPage';
import { DueBadge } from './features/today/DueBadge';
import { hrefFor, NAV_FOOTER, NAV_ITEMS, useRoute, type NavItem, type Route } from './router';
import { useThemeFromVault } from './theme';
import type { Settings } from '#shared/domain/settings';
import { SavedSettingsProvider } from './saved-settings';
import { LinkNotices } from './ui/LinkNotices';
import { ToastOutlet, ToastProvider } from './ui/toast';

// Only the two screens the app starts on (Today and the pipeline) are in the start-up
// script; every other screen loads on first visit. The rich-text editor (TipTap and
// ProseMirror, most of the app's code) comes with the screens that have one.
const BackupsPage = lazy(() => import('./features/backups/BackupsPage').then((module) => ({ default: module.BackupsPage })));
const DataPage = lazy(() => import('./features/data/DataPage').then((module) => ({ default: module.DataPage })));
const CompaniesPage = lazy(() => import('./features/companies/CompaniesPage').then((module) => ({ default: module.CompaniesPage })));
const ContactsPage = lazy(() => import('./features/contacts/ContactsPage').then((module) => ({ default: module.ContactsPage })));
const GuidePage = lazy(() => import('./features/guide/GuidePage').then((module) => ({ default: module.GuidePage })));
const InsightsPage = lazy(() => import('./features/insights/InsightsPage').then((module) => ({ default: module.InsightsPage })));
const ReferencePage = lazy(() => import('./features/references/ReferencePage').then((module) => ({ default: module.ReferencePage })));
const ReferencesPage = lazy(() => import('./features/references/ReferencesPage').then((module) => ({ default: module.ReferencesPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const TrashPage = lazy(() => import('./features/trash/TrashPage').then((module) => ({ default: module.TrashPage })));
const InterviewPage = lazy(() => import('./features/interview/InterviewPage').then((module) => ({ default: module.InterviewPage })));
const ContactPage = lazy(() => import('./features/contacts/ContactPage').then((module) => ({ default: module.ContactPage })));
const CompanyPage = lazy(() => import('./features/companies/CompanyPage').then((module) => ({ default: module.CompanyPage })));
const OpeningPage = lazy(() => import('./features/opening/OpeningPage').then((module) => ({ default: module.OpeningPage })));
const LetterPage = lazy(() => import('./features/letters/LetterPage').then((module) => ({ default: module.LetterPage })));
const BriefPage = lazy(() => import('./features/references/BriefPage').then((module) => ({ default: module.BriefPage })));
const TemplatesPage = lazy(() => import('./features/letters/TemplatesPage').then((module) => ({ default: module.TemplatesPage })));

/** One line per screen; a screen receives its route (and id). */
function screenFor(route: Route): ReactNode {
  switch (route.name) {
    case 'today':
      return <TodayPage />;
    case 'pipeline':
      return <PipelinePage startAdding={route.add} />;
    case 'interview':
      return <InterviewPage key={route.id} id={route.id} />;
    case 'contacts':
      return <ContactsPage />;
    case 'contact':
      return <ContactPage key={route.id} id={route.id} />;
    case 'companies':
      return <CompaniesPage />;
    case 'company':
      return <CompanyPage key={route.id} id={route.id} />;
    case 'opening':
      return <OpeningPage key={route.id} id={route.id} intent={route.intent} />;
    case 'letter':
      return <LetterPage key={route.id} id={route.id} />;
    case 'references':
      return <ReferencesPage />;
    case 'reference':
      return <ReferencePage key={route.id} id={route.id} />;
    case 'brief':
      return <BriefPage key={`${route.referenceId}:${route.openingId}`} referenceId={route.referenceId} openingId={route.openingId} />;
    case 'templates':
      return <TemplatesPage />;
    case 'trash':
      return <TrashPage />;
    case 'backups':
      return <BackupsPage />;
    case 'data':
      return <DataPage />;
    case 'settings':
      return <SettingsPage />;
    case 'insights':
      return <InsightsPage />;
    case 'guide':
      return <GuidePage />;
  }
}

function NavLink({ item, current, badge }: { item: NavItem; current: Route; badge?: ReactNode }) {
  return (
    <li>
      <a href={hrefFor(item.route)} aria-current={item.section.includes(current.name) ? 'page' : undefined}>
        {item.label}
        {badge}
      </a>
    </li>
  );
}

/** The screen on show; it loads again when the sample data comes or goes. */
function Screen({ route }: { route: Route }) {
  const { epoch } = useSampleData();
  return (
    <div key={epoch}>
      <Suspense
        fallback={
          <p className="muted" role="status">
            Opening…
          </p>
        }
      >
        {screenFor(route)}
      </Suspense>
    </div>
  );
}

/** `savedSettings`: the settings as read before the first paint (main.tsx); without them, the screens read them first. */
export function App({ savedSettings }: { savedSettings?: Settings }) {
  const route = useRoute();
  useThemeFromVault();
  return (
    <ToastProvider>
      <LinkNotices />
      <RecoveryNotice />
      <SampleDataProvider>
        <ShellKeys>
          <a className="skip-link" href="#main-content">
            Skip to content
          </a>
          <div className="shell">
            <nav className="sidebar" aria-label="Main">
              <div className="brand">
                <img src="./logo.svg" alt="" width="28" height="28" />
                <span>Afterview</span>
              </div>
              <SearchLauncher />
              <ul>
                {NAV_ITEMS.map((item) => (
                  <NavLink key={item.label} item={item} current={route} badge={item.route.name === 'today' ? <DueBadge /> : undefined} />
                ))}
              </ul>
              <ToastOutlet />
              <ul className="sidebar-footer">
                {NAV_FOOTER.map((item) => (
                  <NavLink key={item.label} item={item} current={route} />
                ))}
              </ul>
            </nav>
            <main className="content" id="main-content" tabIndex={-1}>
              <SampleBanner />
              <SavedSettingsProvider initial={savedSettings}>
                <Screen route={route} />
              </SavedSettingsProvider>
            </main>
          </div>
          <CaptureDialogs />
        </ShellKeys>
      </SampleDataProvider>
    </ToastProvider>
  );
}
