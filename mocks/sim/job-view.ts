/**
 * A job as the gateway API answers it (JobDto): its progress at `now`, the step it is on, and how it ended.
 * Every operation that starts a job answers this view, as does the job list.
 */
import type { JobDto } from '../../src/api/contract';
import { jobProgress } from './jobs';
import type { Job, Millis } from './model';

export function jobDto(job: Job, now: Millis): JobDto {
  const progress = jobProgress(job, now);
  return {
    id: job.id,
    kind: job.kind,
    title: job.title,
    target: job.target,
    startedAt: new Date(job.startedAt).toISOString(),
    endedAt: job.status === 'InProgress' ? null : new Date(job.endsAt).toISOString(),
    status: job.status,
    percent: progress.percent,
    currentStep: progress.currentStep ?? null,
    steps: progress.steps,
    message: job.message ?? null,
    result: job.result ?? null,
  };
}
