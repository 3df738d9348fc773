import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { ageInYearsAt, describeDay, during, hasCode, inValueSet, isEncounterFinished, overlaps, prevalenceInterval, proportionGroup, retrieve, systems } from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS2 Preventive Care and Screening: Screening for Depression and Follow-Up Plan. Patients 12+ at the
 * start of the period with a qualifying visit: met when the most recent age-appropriate screening (on
 * the day of a visit or the 14 days before) is negative, or positive with a follow-up (referral,
 * follow-up procedure, or depression medication) on the day of the visit or up to two days after.
 * Adolescent tools count at 12–17, adult tools at 17+. Excluded: bipolar disorder diagnosed before the
 * visit. Excepted: screening not done for a medical reason or refused, with no screening done.
 */
const vs = valueSetsNamed(
  "encounterToScreenForDepression", "physicalTherapyEvaluation", "telephoneVisits", "adolescentDepressionMedications",
  "referralForAdolescentDepression", "followUpForAdolescentDepression", "adultDepressionMedications", "referralForAdultDepression",
  "followUpForAdultDepression", "bipolarDisorder", "medicalReason",
);

const code = {
  negative: "428171000124102", // Depression screening negative (finding)
  positive: "428181000124104", // Depression screening positive (finding)
  declined: "720834000", // Depression screening declined (situation)
} as const;

type Tool = { label: string; loinc: string; medications: string; referral: string; followUp: string };
const adolescent: Tool = {
  label: "adolescent", loinc: "73831-0",
  medications: vs.adolescentDepressionMedications, referral: vs.referralForAdolescentDepression, followUp: vs.followUpForAdolescentDepression,
};
const adult: Tool = {
  label: "adult", loinc: "73832-8",
  medications: vs.adultDepressionMedications, referral: vs.referralForAdultDepression, followUp: vs.followUpForAdultDepression,
};

const finalResult = ["final", "amended", "corrected"];
const orderIntents = ["order", "original-order", "reflex-order", "filler-order", "instance-order"];
const isSnomed = (codings: QmResource["codes"], value: string) => hasCode(codings, systems.snomed, value);

function qualifyingEncounters(facts: QmFacts, mp: Span): QmResource[] {
  return [vs.encounterToScreenForDepression, vs.physicalTherapyEvaluation, vs.telephoneVisits]
    .flatMap((oid) => retrieve(facts, "Encounter", oid))
    .filter((e, i, all) => all.indexOf(e) === i && isEncounterFinished(e) && during(e.timing, mp));
}

/** `screening 14 days or less on or before day of start of visit`: it ends on the visit's day or in the 14 days before. */
const within14DaysBefore = (screening: Span | null, visit: QmResource) =>
  screening !== null && !screening.hiUnknown && screening.hi <= visit.timing!.lo && screening.hi >= visit.timing!.lo - 14;
/** `starts 14 days or less on or before day of start of visit`. */
const startsWithin14DaysBefore = (screening: Span | null, visit: QmResource) =>
  screening !== null && !screening.loUnknown && screening.lo <= visit.timing!.lo && screening.lo >= visit.timing!.lo - 14;

/** Screenings with this tool, resulted, in the 14-day window of some visit. */
function screenings(facts: QmFacts, tool: Tool, visits: QmResource[]): QmResource[] {
  return retrieve(facts, "Observation").filter(
    (o) => hasCode(o.codes, systems.loinc, tool.loinc) && o.value.present && finalResult.includes(o.status ?? "") && visits.some((v) => within14DaysBefore(o.timing, v)),
  );
}

/**
 * The most recent screenings (sorted by start). Screenings on the same day are all "most recent": the
 * guidance counts a positive one with follow-up when two results share a date.
 */
function mostRecent(found: QmResource[]): QmResource[] {
  const day = Math.max(...found.map((o) => o.timing!.lo));
  return found.filter((o) => o.timing!.lo === day);
}

/** A follow-up for a positive screen: on the visit's day or up to two days after it ends, in the period. */
function followUp(facts: QmFacts, tool: Tool, screen: QmResource, visits: QmResource[], mp: Span): QmResource | undefined {
  const medications = retrieve(facts, "MedicationRequest", tool.medications).filter(
    (m) =>
      !m.doNotPerform &&
      ["active", "completed"].includes(m.status ?? "") &&
      orderIntents.includes(m.intent ?? "") &&
      // an active medication that continues past a visit whose screening was positive
      visits.some((v) => startsWithin14DaysBefore(screen.timing, v) && overlaps(m.medicationPeriod, v.timing!) && m.medicationPeriod!.hi > v.timing!.hi),
  );
  const referrals = retrieve(facts, "ServiceRequest", tool.referral).filter((s) => !s.doNotPerform && ["active", "completed"].includes(s.status ?? ""));
  const procedures = retrieve(facts, "Procedure", tool.followUp).filter((p) => p.status === "completed");
  return [...medications, ...referrals, ...procedures].find((f) => {
    const performedStart = f.resourceType === "Procedure" && f.timing && !f.timing.loUnknown ? f.timing.lo : null;
    const when = performedStart ?? f.authoredOn;
    return (
      when !== null &&
      when >= mp.lo &&
      when <= mp.hi &&
      visits.some(
        (v) =>
          startsWithin14DaysBefore(screen.timing, v) &&
          ((performedStart !== null && performedStart >= v.timing!.lo && performedStart <= v.timing!.hi) ||
            (f.authoredOn !== null && f.authoredOn >= v.timing!.hi && f.authoredOn <= v.timing!.hi + 2)),
      )
    );
  });
}

function screenedWith(facts: QmFacts, tool: Tool, visits: QmResource[], mp: Span, reasons: string[]): boolean {
  const found = screenings(facts, tool, visits);
  if (found.length === 0) return false;
  const latest = mostRecent(found);
  const day = describeDay(latest[0]!.timing!.lo);
  if (latest.some((o) => isSnomed(o.value.codes, code.negative))) {
    reasons.push(`Numerator: negative ${tool.label} depression screening on ${day}.`);
    return true;
  }
  for (const screen of latest.filter((o) => isSnomed(o.value.codes, code.positive))) {
    const plan = followUp(facts, tool, screen, visits, mp);
    if (plan) {
      reasons.push(`Numerator: positive ${tool.label} depression screening on ${day} with a follow-up plan.`);
      return true;
    }
  }
  reasons.push(`Numerator: the latest ${tool.label} depression screening (${day}) is positive with no follow-up within two days of the visit.`);
  return false;
}

function exception(facts: QmFacts, tools: Tool[], visits: QmResource[], reasons: string[]): boolean {
  const hit = tools.find(
    (tool) =>
      screenings(facts, tool, visits).length === 0 &&
      retrieve(facts, "Observation").some(
        (o) =>
          hasCode(o.codes, systems.loinc, tool.loinc) &&
          o.status === "cancelled" &&
          visits.some((v) => o.recorded !== null && during({ lo: o.recorded, hi: o.recorded }, v.timing!)) &&
          (isSnomed(o.statusReason, code.declined) || inValueSet(o.statusReason, vs.medicalReason)),
      ),
  );
  if (hit) reasons.push(`Exception: ${hit.label} depression screening not done (declined or a medical reason) at the visit.`);
  return hit !== undefined;
}

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.lo);
  const visits = qualifyingEncounters(facts, mp);
  reasons.push(`Age ${age} at the start of the period (12 or older); ${visits.length > 0 ? "a qualifying visit" : "no qualifying visit"} in the period.`);
  // Adolescent tools at 12–17, adult tools at 17 and older (either counts at 17).
  const tools = age >= 18 ? [adult] : age === 17 ? [adolescent, adult] : [adolescent];
  return [
    proportionGroup({
      ip: age >= 12 && visits.length > 0,
      denex: () => {
        const bipolar = retrieve(facts, "Condition", vs.bipolarDisorder).some((c) => {
          const prevalence = prevalenceInterval(c);
          return !prevalence.loUnknown && visits.some((v) => prevalence.lo < v.timing!.lo);
        });
        if (bipolar) reasons.push("Excluded: bipolar disorder diagnosed before the visit.");
        return bipolar;
      },
      numer: () => {
        const met = tools.some((tool) => screenedWith(facts, tool, visits, mp, reasons));
        if (!met && tools.every((tool) => screenings(facts, tool, visits).length === 0)) reasons.push("Numerator: no depression screening on the day of a visit or the 14 days before.");
        return met;
      },
      // The exception reads both tools whatever the age (as the measure logic does).
      denexcep: () => exception(facts, [adolescent, adult], visits, reasons),
    }),
  ];
}

export const cms2Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS2",
    version: "CMS2v15",
    performanceYear: 2026,
    title: "Preventive Care and Screening: Screening for Depression and Follow-Up Plan",
    valueSets: Object.values(vs),
    gapAction: "Screen for depression with a standardized tool (e.g. PHQ-9 / PHQ-A); if positive, document a follow-up plan (referral, medication or other intervention) within two days.",
    evaluate,
  },
];
