/**
 * Long-running jobs. A job's progress is derived from its start time and step offsets, so nothing ticks
 * while it runs: only its completion is scheduled. What each kind's completion does is in the job table
 * of dispatch.ts; the outcome is decided then, against the world as it is at that moment (a node can go
 * down mid-job).
 *
 *   start ──(steps by time)──▶ job/complete ──▶ Succeeded | Failed  (+ notification)
 */
import { own, quote } from './lookup';
import { SimError, nextSeq, schedule } from './core';
import { notify } from './events';
import type { Job, JobInputs, JobKind, JobStep, Millis, ScheduledEvent, World } from './model';

export interface JobOutcome {
  status: 'Succeeded' | 'Failed';
  message: string;
  result?: string;
}

/** Applies a job's effect at its completion time and says how it ended. */
export type JobCompletion<K extends JobKind> = (draft: World, job: Job<K>, at: Millis) => JobOutcome;

/** One completion per kind: a kind without one does not compile. */
export type JobCompletions = { [K in JobKind]: JobCompletion<K> };

export interface StartJob<K extends JobKind> {
  kind: K;
  title: string;
  target: Job['target'];
  /** steps with offsets from the start; the last offset is not the end: `durationMs` is */
  steps: JobStep[];
  durationMs: Millis;
  input: JobInputs[K];
  /** notification title when it starts, e.g. "Starting virtual machine" */
  startedMessage: string;
}

export function startJob<K extends JobKind>(draft: World, spec: StartJob<K>, now: Millis): Job<K> {
  const id = `job-${nextSeq(draft)}`;
  // `Job<K>` is a mapped union TypeScript cannot build or widen for a generic K; the fields are exactly its own.
  const job = {
    id,
    kind: spec.kind,
    title: spec.title,
    target: spec.target,
    startedAt: now,
    endsAt: now + spec.durationMs,
    steps: spec.steps,
    status: 'InProgress',
    input: spec.input,
  } as Job<K>;
  draft.jobs[id] = job as Job;
  schedule(draft, { at: job.endsAt, kind: 'job/complete', jobId: id });
  notify(draft, {
    time: now,
    level: 'Informational',
    title: spec.title,
    message: spec.startedMessage,
    jobId: id,
  });
  pruneJobs(draft);
  return job;
}

function completionOf<K extends JobKind>(job: Job<K>, completions: JobCompletions): JobCompletion<K> {
  return completions[job.kind];
}

/** Jobs finish at their scheduled time; the kind's completion decides the outcome. */
export function completeJob(
  draft: World,
  event: Extract<ScheduledEvent, { kind: 'job/complete' }>,
  completions: JobCompletions,
): void {
  const job = own(draft.jobs, event.jobId);
  if (job?.status !== 'InProgress') return;
  const outcome = completionOf(job, completions)(draft, job, event.at);
  job.status = outcome.status;
  job.message = outcome.message;
  if (outcome.result !== undefined) job.result = outcome.result;
  job.endsAt = event.at;
  notify(draft, {
    time: event.at,
    level: outcome.status === 'Succeeded' ? 'Success' : 'Error',
    title: job.title,
    message: outcome.message,
    jobId: job.id,
  });
}

export interface JobProgress {
  percent: number;
  currentStep: string | undefined;
  steps: { percent: number; text: string; done: boolean }[];
}

export function jobProgress(job: Job, now: Millis): JobProgress {
  if (job.status !== 'InProgress') {
    const reached = job.steps.filter((s) => s.at <= job.endsAt - job.startedAt);
    return {
      percent: job.status === 'Succeeded' ? 100 : (reached.at(-1)?.percent ?? 0),
      currentStep: job.status === 'Succeeded' ? undefined : reached.at(-1)?.text,
      steps: job.steps.map((s) => ({
        percent: s.percent,
        text: s.text,
        done: job.status === 'Succeeded' || s.at < job.endsAt - job.startedAt,
      })),
    };
  }
  const elapsed = now - job.startedAt;
  let current: JobStep | undefined;
  for (const step of job.steps) if (step.at <= elapsed) current = step;
  return {
    percent: current?.percent ?? 0,
    currentStep: current?.text,
    steps: job.steps.map((s) => ({
      percent: s.percent,
      text: s.text,
      done: s.at <= elapsed && s !== current,
    })),
  };
}

/** Keeps the newest 500 jobs; finished ones go first. */
function pruneJobs(draft: World): void {
  const ids = Object.keys(draft.jobs);
  if (ids.length <= 500) return;
  const finished = ids
    .map((id) => own(draft.jobs, id))
    .filter((j): j is Job => j !== undefined && j.status !== 'InProgress')
    .sort((a, b) => a.startedAt - b.startedAt);
  for (const job of finished.slice(0, ids.length - 500)) {
    const { [job.id]: _removed, ...rest } = draft.jobs;
    draft.jobs = rest;
  }
}

/** Spreads step offsets evenly over a duration, keeping the given percentages and texts. */
export function evenSteps(durationMs: Millis, steps: { percent: number; text: string }[]): JobStep[] {
  const gap = steps.length > 0 ? durationMs / steps.length : 0;
  return steps.map((s, i) => ({ ...s, at: Math.round(i * gap) }));
}

/** How many jobs the Jobs list shows: the latest, newest first. */
export const JOBS_LISTED = 100;

export function recentJobs(world: World): Job[] {
  return Object.values(world.jobs)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, JOBS_LISTED);
}

/** The job, or 404 JobNotFound. */
export function requireJob(world: World, id: string): Job {
  const job = own(world.jobs, id);
  if (!job) throw new SimError('not-found', 'JobNotFound', `The job '${quote(id)}' was not found.`);
  return job;
}
