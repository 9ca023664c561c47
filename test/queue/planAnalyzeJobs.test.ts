import { describe, expect, it } from 'vitest';
import { planAnalyzeJobs, type AnalyzeJobPlan } from '../../src/queue';

const plan: AnalyzeJobPlan = { targetsPerJob: 4, maxFetchesPerHost: 2, expireSecondsPerTarget: 70 };

const targetsOn = (host: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `${host}-${i}`, url: `https://${host}/page/${i}` }));

describe('planAnalyzeJobs', () => {
  it('puts each target in exactly one job, and only targets of one host in a job', () => {
    const targets = [...targetsOn('a.test', 9), ...targetsOn('b.test', 3), ...targetsOn('c.test:8080', 1)];
    const jobs = planAnalyzeJobs(targets, plan);

    expect(jobs.flatMap((job) => job.targetIds).sort()).toEqual(targets.map((target) => target.id).sort());
    for (const job of jobs) {
      expect(job.targetIds.every((id) => id.startsWith(`${job.host}-`))).toBe(true);
    }
    expect(new Set(jobs.map((job) => job.jobId)).size).toBe(jobs.length);
  });

  it('holds at most targetsPerJob targets per job', () => {
    const jobs = planAnalyzeJobs(targetsOn('a.test', 9), plan);
    expect(jobs.map((job) => job.targetIds.length)).toEqual([3, 3, 3]);
  });

  it('keeps as many pages of a host in flight as one job per target would, up to the per-host limit', () => {
    expect(planAnalyzeJobs(targetsOn('a.test', 3), plan).map((job) => job.targetIds.length)).toEqual([2, 1]);
    expect(planAnalyzeJobs(targetsOn('a.test', 1), plan).map((job) => job.targetIds.length)).toEqual([1]);
    const onePerTarget = planAnalyzeJobs(targetsOn('a.test', 3), { ...plan, maxFetchesPerHost: 5 });
    expect(onePerTarget.map((job) => job.targetIds.length)).toEqual([1, 1, 1]);
  });

  it('deals a host’s targets round-robin, so the batch’s first pages are among the first analysed', () => {
    const jobs = planAnalyzeJobs(targetsOn('a.test', 5), plan);
    expect(jobs.map((job) => job.targetIds)).toEqual([
      ['a.test-0', 'a.test-2', 'a.test-4'],
      ['a.test-1', 'a.test-3'],
    ]);
  });

  it('gives each job the time of its targets before pg-boss expires it', () => {
    const jobs = planAnalyzeJobs(targetsOn('a.test', 5), plan);
    expect(jobs.map((job) => job.expireInSeconds)).toEqual([210, 140]);
  });

  it('with targetsPerJob 1 queues one job per target, as before jobs held several', () => {
    const jobs = planAnalyzeJobs(targetsOn('a.test', 6), { ...plan, targetsPerJob: 1 });
    expect(jobs).toHaveLength(6);
  });
});
