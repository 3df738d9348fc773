import type { JobDefinition } from "../job-definition";
import type { JobDeps } from "../job-deps";
import { processDocumentJob } from "./process-document";
import { purgeExpiredClinicalDataJob } from "./purge-expired-clinical-data";
import { syncPatientJob } from "./sync-patient";
import { syncScheduleJob } from "./sync-schedule";
import { syncSchedulesCronJob } from "./sync-schedules-cron";

/** The job registry: every job, built against one set of dependencies. */
export function createJobs(deps: JobDeps): JobDefinition[] {
  return [syncSchedulesCronJob(deps), syncScheduleJob(deps), syncPatientJob(deps), processDocumentJob(deps), purgeExpiredClinicalDataJob(deps)] as JobDefinition[];
}
