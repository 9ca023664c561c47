import { LocationProvider, Route, Router } from 'preact-iso';
import { ApiKeyDialog } from './components/ApiKeyDialog';
import { ConnectionState } from './components/ConnectionState';
import { BatchView } from './screens/batch/BatchView';
import { Batches } from './screens/batches/Batches';
import { Comparison } from './screens/comparison/Comparison';
import { NewAnalysis } from './screens/newAnalysis/NewAnalysis';
import { PageDetail } from './screens/page/PageDetail';
import { ProjectDashboard } from './screens/project/ProjectDashboard';
import { EditProject, NewProject } from './screens/projectForm/ProjectForm';
import { Projects } from './screens/projects/Projects';
import { SitePage } from './screens/site/SitePage';
import { VisibilityAudit } from './screens/visibility/VisibilityAudit';

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <a href="/">Start a new analysis</a> or <a href="/batches">see your batches</a>.
      </p>
    </section>
  );
}

export function App() {
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          Vantage
        </a>
        <nav aria-label="Main">
          <a href="/">New analysis</a>
          <a href="/batches">Batches</a>
          <a href="/projects">Projects</a>
        </nav>
        <div class="header-tools">
          <ConnectionState />
          <ApiKeyDialog />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={NewAnalysis} />
          <Route path="/batches" component={Batches} />
          <Route path="/batches/:id" component={BatchView} />
          <Route path="/batches/:id/comparison" component={Comparison} />
          <Route path="/batches/:id/pages/:targetId" component={PageDetail} />
          <Route path="/batches/:id/sites/:targetId" component={SitePage} />
          <Route path="/projects" component={Projects} />
          <Route path="/projects/new" component={NewProject} />
          <Route path="/projects/:id" component={ProjectDashboard} />
          <Route path="/projects/:id/edit" component={EditProject} />
          <Route path="/visibility/:id" component={VisibilityAudit} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </LocationProvider>
  );
}
