import { toClinicDate } from "@/lib/dates/to-clinic-date";
import { addMonthsClamped, formatDay, toDayNumber } from "@/lib/screening/calendar-date";
import type { DomainEncounter } from "@/lib/fhir/to-domain/types";
import type { WindowModel } from "./prep-sheet-model";
import { windowCategories, type PrepSheetSettings, type WindowCategory } from "./prep-sheet-settings";

/** The day `months` calendar months before asOf, clamped to the month's end (31 May − 3 months = 28/29 Feb). */
function monthsBefore(asOf: string, months: number): string {
  return formatDay(addMonthsClamped(toDayNumber(asOf), -months));
}

/** Encounter classes that are hospital stays or ED visits rather than clinic visits. */
export const hospitalClasses: Record<string, "inpatient" | "emergency" | "observation"> = {
  IMP: "inpatient", ACUTE: "inpatient", NONAC: "inpatient", EMER: "emergency", OBSENC: "observation",
};

const categoryLabels: Record<WindowCategory, string> = {
  labs: "Labs", imaging: "Imaging", consults: "Consults", hospital: "Hospital and ED", immunizations: "Immunizations given",
};

/**
 * The last finished clinic visit strictly before asOf (the original's "To Last Encounter"). Today's
 * own encounter and hospital stays do not count: "since last visit" means since we last saw them.
 */
export function findLastVisitDate(input: {
  asOf: string;
  timeZone: string;
  encounters: readonly DomainEncounter[];
  excludeEncounterId: string | null;
}): string | null {
  let last: string | null = null;
  for (const encounter of input.encounters) {
    if (encounter.status !== "finished" || encounter.ehrId === input.excludeEncounterId) continue;
    if (encounter.classCode !== null && encounter.classCode in hospitalClasses) continue;
    const date = toClinicDate(encounter.periodStart, input.timeZone);
    if (date === null || date.length !== 10 || date >= input.asOf) continue;
    if (last === null || date > last) last = date;
  }
  return last;
}

export function resolveSectionWindows(input: {
  asOf: string;
  settings: PrepSheetSettings;
  lastVisit: string | null;
}): { windows: WindowModel[]; from: Record<WindowCategory, string> } {
  const from = {} as Record<WindowCategory, string>;
  const windows = windowCategories.map((category): WindowModel => {
    const setting = input.settings.windows[category];
    const name = categoryLabels[category];
    let window: WindowModel;
    if (setting.kind === "months") {
      const start = monthsBefore(input.asOf, setting.months);
      window = { category, kind: "months", months: setting.months, from: start, usedFallback: false, label: `${name}: last ${setting.months} months (since ${start})` };
    } else if (input.lastVisit !== null) {
      window = { category, kind: "since_last_visit", months: null, from: input.lastVisit, usedFallback: false, label: `${name}: since last visit (${input.lastVisit})` };
    } else {
      const start = monthsBefore(input.asOf, setting.fallbackMonths);
      window = {
        category, kind: "since_last_visit", months: setting.fallbackMonths, from: start, usedFallback: true,
        label: `${name}: no prior visit found, last ${setting.fallbackMonths} months (since ${start})`,
      };
    }
    from[category] = window.from;
    return window;
  });
  return { windows, from };
}
