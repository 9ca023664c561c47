import { recordAudit } from '../auth/audit';
import type { Caller } from '../auth/caller';
import type { PrismaClient, Transaction } from '../db/prisma';
import { notFound } from '../errors';
import {
  validateProjectInput,
  validateProjectUpdate,
  type CreateProjectInput,
  type ProjectRules,
  type UpdateProjectInput,
  type ValidBrand,
  type ValidScheduleAt,
} from './input';

/** The schedule's columns; all null (but lastRunAt, which stays) when there is none. */
function scheduleColumns(schedule: ValidScheduleAt | null) {
  return {
    scheduleCron: schedule?.cron ?? null,
    scheduleTimezone: schedule?.timezone ?? null,
    scheduleRuns: schedule?.runs ?? [],
    nextRunAt: schedule?.nextRunAt ?? null,
  };
}

const brandRows = (brands: readonly ValidBrand[]) => brands.map((brand, position) => ({ position, ...brand }));

/** The project, its brands and the audit row, in one transaction; nothing when the input is refused. */
export async function createProject(prisma: PrismaClient, input: CreateProjectInput, rules: ProjectRules, caller: Caller) {
  const valid = validateProjectInput(input, rules, new Date());
  return prisma.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        ownerId: caller.ownerId,
        name: valid.name,
        market: valid.market,
        language: valid.language,
        prompts: valid.prompts,
        maxPagesPerSite: valid.maxPagesPerSite,
        ...scheduleColumns(valid.schedule),
        brands: { createMany: { data: brandRows(valid.brands) } },
      },
    });
    await recordAudit(tx, caller, 'PROJECT_CREATED', { projectId: project.id });
    return project;
  });
}

/** Locks the caller's project for the rest of the transaction; another owner's is not found. */
async function lockOwnProject(tx: Transaction, projectId: string, caller: Caller): Promise<void> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "Project" WHERE id = ${projectId}::uuid AND "ownerId" = ${caller.ownerId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound('project');
}

/**
 * Writes the new list of brands. A brand whose first domain (the site audited) was already
 * one of the project's keeps its row and id, renamed or not, so what later runs record about
 * it stays attached; the others are removed or added.
 */
async function replaceBrands(tx: Transaction, projectId: string, brands: readonly ValidBrand[]): Promise<void> {
  const existing = await tx.projectBrand.findMany({ where: { projectId } });
  const bySite = new Map(existing.map((row) => [row.domains[0], row.id]));
  const keptIds = brands.map((brand) => bySite.get(brand.domains[0]));
  await tx.projectBrand.deleteMany({ where: { projectId, id: { notIn: keptIds.filter((id) => id !== undefined) } } });
  // Past every old and new position first: the unique (projectId, position) is checked row by row.
  await tx.projectBrand.updateMany({ where: { projectId }, data: { position: { increment: existing.length + brands.length } } });
  for (const [position, brand] of brandRows(brands).entries()) {
    const id = keptIds[position];
    if (id) await tx.projectBrand.update({ where: { id }, data: brand });
    else await tx.projectBrand.create({ data: { projectId, ...brand } });
  }
}

/** Applies the changes the input makes, checked against the project as it is, with an audit row. */
export async function updateProject(
  prisma: PrismaClient,
  projectId: string,
  input: UpdateProjectInput,
  rules: ProjectRules,
  caller: Caller,
) {
  return prisma.$transaction(async (tx) => {
    await lockOwnProject(tx, projectId, caller);
    const current = await tx.projectBrand.findMany({ where: { projectId }, orderBy: { position: 'asc' } });
    const { brands, schedule, ...fields } = validateProjectUpdate(input, { brands: current }, rules, new Date());
    if (brands) await replaceBrands(tx, projectId, brands);
    const project = await tx.project.update({
      where: { id: projectId },
      data: { ...fields, ...(schedule !== undefined ? scheduleColumns(schedule) : {}) },
    });
    await recordAudit(tx, caller, 'PROJECT_UPDATED', { projectId });
    return project;
  });
}

/** Deletes the caller's project with its brands and schedule; its batches stay, unlinked. */
export async function deleteProject(prisma: PrismaClient, projectId: string, caller: Caller): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.project.deleteMany({ where: { id: projectId, ownerId: caller.ownerId } });
    if (count === 0) throw notFound('project');
    await recordAudit(tx, caller, 'PROJECT_DELETED', { projectId });
  });
}
