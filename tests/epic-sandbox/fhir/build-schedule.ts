import type { Appointment, Encounter, Patient, Resource } from "@medplum/fhirtypes";
import { addDays, dateInZone, zonedInstant } from "./zoned-time";

export interface ScheduleInput {
  patients: readonly Patient[];
  practitionerIds: readonly string[];
  now: Date;
  timeZone: string;
}

const visitMinutes = 20;
const dayStart = 8 * 60;
/** Slots stay within 08:00–15:40 local, so for US zones every visit falls on the same UTC date. */
const slotsPerDay = 24;

function display(p: Patient): string {
  const n = p.name?.[0];
  return [n?.given?.join(" "), n?.family].filter(Boolean).join(" ") || `Patient ${p.id}`;
}

function visit(p: Patient, practitioner: string, start: Date, key: string): Resource[] {
  const end = new Date(start.getTime() + visitMinutes * 60_000);
  const encounterId = `eSbxEnc${key}`;
  const appointment: Appointment = {
    resourceType: "Appointment",
    id: `eSbxAppt${key}`,
    status: "booked",
    serviceType: [{ text: "Office Visit" }],
    start: start.toISOString(),
    end: end.toISOString(),
    minutesDuration: visitMinutes,
    participant: [
      { actor: { reference: `Patient/${p.id}`, display: display(p) }, status: "accepted" },
      { actor: { reference: `Practitioner/${practitioner}` }, status: "accepted" },
    ],
    supportingInformation: [{ reference: `Encounter/${encounterId}` }],
  };
  const encounter: Encounter = {
    resourceType: "Encounter",
    id: encounterId,
    status: "planned",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    type: [{ coding: [{ system: "http://snomed.info/sct", code: "185349003", display: "Encounter for check up" }], text: "Office Visit" }],
    subject: { reference: `Patient/${p.id}`, display: display(p) },
    participant: [{ individual: { reference: `Practitioner/${practitioner}` } }],
    appointment: [{ reference: `Appointment/eSbxAppt${key}` }],
    period: { start: start.toISOString(), end: end.toISOString() },
  };
  return [appointment, encounter];
}

/**
 * The INTERFACES.md schedule rule: every patient gets one visit today and one within the next 7 days,
 * in the practitioners' time zone, at times that depend only on the sorted patient ids and the date.
 * Patients alternate between the sandbox practitioners.
 */
export function buildSchedule({ patients, practitionerIds, now, timeZone }: ScheduleInput): Resource[] {
  const today = dateInZone(now, timeZone);
  const compact = today.replace(/-/g, "");
  const sorted = [...patients].filter((p) => p.id).sort((a, b) => (a.id! < b.id! ? -1 : 1));
  return sorted.flatMap((p, i) => {
    const practitioner = practitionerIds[i % practitionerIds.length] ?? "";
    const todayStart = zonedInstant(today, dayStart + (i % slotsPerDay) * visitMinutes, timeZone);
    const laterDate = addDays(today, 1 + (i % 7));
    const laterStart = zonedInstant(laterDate, dayStart + 60 + ((i * 2) % slotsPerDay) * visitMinutes, timeZone);
    return [
      ...visit(p, practitioner, todayStart, `${compact}.${i + 1}`),
      ...visit(p, practitioner, laterStart, `${compact}.${i + 1}.next`),
    ];
  });
}
