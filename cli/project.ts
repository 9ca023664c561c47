import type { Api } from './api';
import type { Command } from './args';
import type { CliProjectFieldsFragment, CliProjectQuery, CliProjectsQuery } from './gql/graphql';
import { CreateProjectMutation, ProjectQuery, ProjectsQuery, RunSiteAuditMutation } from './operations';
import { reportStartedBatch, type Output } from './run';
import { renderTable } from './table';

type ProjectCommand = Extract<Command, { kind: `project-${string}` }>;
type ShownProject = NonNullable<CliProjectQuery['project']>;

const brandLine = (brand: CliProjectFieldsFragment['brand']) =>
  `${brand.name}: ${brand.domains.join(', ')}${brand.aliases.length > 0 ? ` (also ${brand.aliases.join(', ')})` : ''}`;

function scheduleLines(schedule: CliProjectFieldsFragment['schedule']): string[] {
  if (!schedule) return ['Schedule: none (run it with: vantage project run <id>)'];
  const lines = [
    `Schedule: ${schedule.cron} (${schedule.timezone}), starts ${schedule.runs.join(', ')}`,
    `  next run  ${schedule.nextRunAt}`,
    `  last run  ${schedule.lastRunAt ?? 'never'}`,
  ];
  if (schedule.lastError) lines.push(`  not run   ${schedule.lastErrorAt}: ${schedule.lastError}`);
  return lines;
}

function auditsSection(project: ShownProject): string {
  const audits = project.siteAudits.edges.map((edge) => edge.node);
  if (audits.length === 0) return 'Recent site audits\nNone yet.';
  return `Recent site audits\n${renderTable(
    [{ header: 'Batch' }, { header: 'Status' }, { header: 'Progress', align: 'right' }, { header: 'Started' }, { header: 'Finished' }],
    audits.map((audit) => [audit.id, audit.status, `${audit.progress}%`, audit.createdAt, audit.finishedAt ?? '']),
  )}`;
}

/** The project as `project show` (and `project create`) prints it: its brands, schedule and, when read, recent audits. */
export function renderProject(project: CliProjectFieldsFragment | ShownProject): string {
  const lines = [
    `Project ${project.id} "${project.name}"`,
    `Brand: ${brandLine(project.brand)}`,
    ...project.competitors.map((competitor) => `Competitor: ${brandLine(competitor)}`),
    ...(project.market ? [`Market: ${project.market}`] : []),
    `Language: ${project.language}, ${project.prompts.length} prompt${project.prompts.length === 1 ? '' : 's'}, up to ${project.maxPagesPerSite} page${project.maxPagesPerSite === 1 ? '' : 's'} a site`,
    ...scheduleLines(project.schedule),
  ];
  const sections = [lines.join('\n'), ...('siteAudits' in project ? [auditsSection(project)] : [])];
  return `${sections.join('\n\n')}\n`;
}

export function renderProjectList(projects: CliProjectFieldsFragment[]): string {
  if (projects.length === 0) return 'No projects yet (create one with: vantage project create).\n';
  return `${renderTable(
    [{ header: 'Project' }, { header: 'Name', maxWidth: 40 }, { header: 'Brand', maxWidth: 40 }, { header: 'Competitors', align: 'right' }, { header: 'Next run' }],
    projects.map((project) => [
      project.id,
      project.name,
      project.brand.name,
      String(project.competitors.length),
      project.schedule?.nextRunAt ?? 'not scheduled',
    ]),
  )}\n`;
}

async function allProjects(api: Api): Promise<CliProjectFieldsFragment[]> {
  const projects: CliProjectFieldsFragment[] = [];
  let after: string | null = null;
  for (;;) {
    const { projects: page }: CliProjectsQuery = await api.request(ProjectsQuery, { after });
    projects.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return projects;
    after = page.pageInfo.endCursor ?? null;
  }
}

const printJson = (output: Output, value: unknown) => output.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** Runs a project command; the exit code is 0 unless `run`'s batch does not complete (as for analyze). */
export async function executeProject(api: Api, command: ProjectCommand, output: Output): Promise<number> {
  switch (command.kind) {
    case 'project-create': {
      const { createProject } = await api.request(CreateProjectMutation, { input: command.input });
      if (command.json) printJson(output, createProject);
      else output.stdout.write(renderProject(createProject));
      return 0;
    }
    case 'project-list': {
      const projects = await allProjects(api);
      if (command.json) printJson(output, projects);
      else output.stdout.write(renderProjectList(projects));
      return 0;
    }
    case 'project-show': {
      const { project } = await api.request(ProjectQuery, { id: command.projectId });
      // The server answers NOT_FOUND rather than null; an empty answer is not a project either.
      if (!project) {
        output.stderr.write(`No project ${command.projectId}.\n`);
        return 2;
      }
      if (command.json) printJson(output, project);
      else output.stdout.write(renderProject(project));
      return 0;
    }
    case 'project-run': {
      const { runSiteAudit } = await api.request(RunSiteAuditMutation, { projectId: command.projectId });
      return reportStartedBatch(api, runSiteAudit, command, output);
    }
  }
}
