import type { JobDefinition } from "../job-definition";
import type { JobDeps } from "../job-deps";
import { generatePrepSheetJob } from "./generate-prep-sheet";
import { prepareClinicDayJob } from "./prepare-clinic-day";
import { prepareSchedulePatientJob } from "./prepare-schedule-patient";
import { processDocumentJob } from "./process-document";
import { purgeExpiredClinicalDataJob } from "./purge-expired-clinical-data";
import { screenPatientJob } from "./screen-patient";
import { syncPatientJob } from "./sync-patient";
import { syncScheduleJob } from "./sync-schedule";
import { syncSchedulesCronJob } from "./sync-schedules-cron";
import { writePrepSheetToEhrJob } from "./write-prep-sheet-to-ehr";

/** The job registry: every job, built against one set of dependencies. */
export function createJobs(deps: JobDeps): JobDefinition[] {
  return [
    syncSchedulesCronJob(deps), syncScheduleJob(deps), syncPatientJob(deps), processDocumentJob(deps), purgeExpiredClinicalDataJob(deps), screenPatientJob(deps),
    generatePrepSheetJob(deps), writePrepSheetToEhrJob(deps), prepareClinicDayJob(deps), prepareSchedulePatientJob(deps)] as JobDefinition[];
}
