import type { DomainProcedure, Mapped } from "./types";
import { categoryCodes } from "./read-concept";
import { readPointOrPeriod, readRecordRefs, readRequiredConcept } from "./read-clinical-record";
import { asString } from "./read-json";
import { mapResource } from "./map-resource";

/** Map a Procedure (colonoscopy, mammogram, …): code with all codings, status and performed date. */
export function mapProcedure(input: unknown): Mapped<DomainProcedure> {
  return mapResource(input, "Procedure", (resource, id, issues) => {
    const code = readRequiredConcept(resource, "code", issues);
    const performed = readPointOrPeriod(resource, "performed", issues);
    if (!performed.present && (resource.performedString !== undefined || resource.performedAge !== undefined)) {
      issues.push({ path: "performed[x]", problem: "unsupported" });
    }
    return {
      ...readRecordRefs(resource, id),
      status: asString(resource.status),
      code,
      categories: categoryCodes(resource.category),
      performed: performed.start,
      performedEnd: performed.end,
    };
  });
}
