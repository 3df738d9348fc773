import type { Organization, Practitioner, PractitionerRole, Resource } from "@medplum/fhirtypes";
import { sandboxUsers } from "../sandbox-users";

export const clinicOrganizationId = "eSbxOrgRiversideFamilyMed3";

const npiBySuffix = ["1999999984", "1999999992"];

/**
 * The clinicians behind the sandbox logins, and their clinic. Always loaded, even with
 * --no-default-seed, because the schedule and the id_token's fhirUser point at them.
 */
export function sandboxPractitioners(): Resource[] {
  const organization: Organization = {
    resourceType: "Organization",
    id: clinicOrganizationId,
    name: "Riverside Family Medicine (sandbox)",
    active: true,
  };
  const practitioners = sandboxUsers.map((u, i): Practitioner => {
    const [family = "", given = ""] = u.displayName.replace(/, MD$/, "").split(" ").reverse();
    return {
      resourceType: "Practitioner",
      id: u.practitionerId,
      active: true,
      identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: npiBySuffix[i] ?? "1999999900" }],
      name: [{ use: "usual", text: u.displayName, family, given: [given], suffix: ["MD"] }],
    };
  });
  // Epic's FHIRTWO has a linked PractitionerRole; FHIR has none.
  const roles: PractitionerRole[] = sandboxUsers.slice(1).map((u) => ({
    resourceType: "PractitionerRole",
    id: `${u.practitionerId}.role`,
    active: true,
    practitioner: { reference: `Practitioner/${u.practitionerId}` },
    organization: { reference: `Organization/${clinicOrganizationId}` },
    code: [{ text: "Physician" }],
  }));
  return [organization, ...practitioners, ...roles];
}
