import type { Patient } from "@medplum/fhirtypes";

/** Epic's sandbox MRN system (an Epic OID); MRNs below are synthetic. */
export const mrnSystem = "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14";

export interface SeedPatient {
  id: string;
  given: string;
  family: string;
  gender: "male" | "female";
  birthDate: string;
  mrn: string;
}

/**
 * The fhir.epic.com sandbox patients keep their public FHIR ids (epic-smart-facts §2.2) so code and
 * docs written against Epic's sandbox work here; the other ids are ours. Every clinical detail in this
 * seed is synthetic.
 */
export const seedPatients: readonly SeedPatient[] = [
  { id: "erXuFYUfucBZaryVksYEcMg3", given: "Camila", family: "Lopez", gender: "female", birthDate: "1987-09-12", mrn: "203713" },
  { id: "eq081-VQEgP8drUUqCWzHfw3", given: "Derrick", family: "Lin", gender: "male", birthDate: "1973-06-03", mrn: "203711" },
  { id: "egqBHVfQlt4Bw3XGXoxVxHg3", given: "Elijah", family: "Davis", gender: "male", birthDate: "1963-03-10", mrn: "203714" },
  { id: "e0w0LEDCYtfckT6N.CkJKCw3", given: "Warren", family: "McGinnis", gender: "male", birthDate: "1955-02-21", mrn: "203715" },
  { id: "eAB3mDIBBcyUKviyzrxsnAw3", given: "Desiree", family: "Powell", gender: "female", birthDate: "1968-11-02", mrn: "203716" },
  { id: "eIXesllypH3M9tAA5WdJftQ3", given: "Linda", family: "Ross", gender: "female", birthDate: "1950-04-17", mrn: "203717" },
  { id: "eSbxOliviaRoberts.Pt00073", given: "Olivia", family: "Roberts", gender: "female", birthDate: "1992-07-30", mrn: "203718" },
  { id: "eSbxJasonArgonaut.Pt00013", given: "Jason", family: "Argonaut", gender: "male", birthDate: "1985-08-01", mrn: "203719" },
  { id: "eSbxJessicaArgonaut.Pt003", given: "Jessica", family: "Argonaut", gender: "female", birthDate: "1979-01-14", mrn: "203720" },
  { id: "eSbxNancySmart.Pt0000093", given: "Nancy", family: "Smart", gender: "female", birthDate: "1960-05-25", mrn: "203721" },
];

export function toPatient(p: SeedPatient, index: number): Patient {
  return {
    resourceType: "Patient",
    id: p.id,
    active: true,
    identifier: [{ use: "usual", type: { text: "MRN" }, system: mrnSystem, value: p.mrn }],
    name: [{ use: "official", family: p.family, given: [p.given], text: `${p.given} ${p.family}` }],
    gender: p.gender,
    birthDate: p.birthDate,
    telecom: [{ system: "phone", value: `555-010-${String(index + 10).padStart(4, "0")}`, use: "home" }],
    address: [{ use: "home", line: [`${100 + index * 7} Sandbox Lane`], city: "Verona", state: "WI", postalCode: "53593", country: "US" }],
    communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: "en" }], text: "English" }, preferred: true }],
  };
}

export const patientRef = (p: SeedPatient) => ({ reference: `Patient/${p.id}`, display: `${p.given} ${p.family}` });
