import { describe, expect, it } from "vitest";
import { hasPermission, orgPermissions, platformPermissions, type Permission } from "./permissions";

const cases: Array<[string, { role: "org_admin" | "provider" | "staff" | null; isPlatformAdmin: boolean }, Permission, boolean]> = [
  ["provider reads the schedule", { role: "provider", isPlatformAdmin: false }, "schedule.read", true],
  ["provider writes back", { role: "provider", isPlatformAdmin: false }, "prep_sheets.write_back", true],
  ["staff cannot write back", { role: "staff", isPlatformAdmin: false }, "prep_sheets.write_back", false],
  ["staff cannot manage members", { role: "staff", isPlatformAdmin: false }, "members.manage", false],
  ["provider cannot manage Epic", { role: "provider", isPlatformAdmin: false }, "epic_connection.manage", false],
  ["org admin manages members", { role: "org_admin", isPlatformAdmin: false }, "members.manage", true],
  ["org admin is not a platform admin", { role: "org_admin", isPlatformAdmin: false }, "platform.organizations.manage", false],
  ["non-member platform admin configures a clinic", { role: null, isPlatformAdmin: true }, "settings.manage", true],
  ["non-member platform admin reads no patients", { role: null, isPlatformAdmin: true }, "patients.read", false],
  ["non-member platform admin sees no prep sheets", { role: null, isPlatformAdmin: true }, "prep_sheets.read", false],
  ["platform admin manages clinics", { role: null, isPlatformAdmin: true }, "platform.organizations.manage", true],
  ["nobody without a role", { role: null, isPlatformAdmin: false }, "schedule.read", false],
];

describe("permission matrix", () => {
  it.each(cases)("%s", (_name, actor, permission, expected) => {
    expect(hasPermission(actor, permission)).toBe(expected);
  });

  it("denies every permission to an actor with no role and no platform flag", () => {
    for (const p of [...orgPermissions, ...platformPermissions]) {
      expect(hasPermission({ role: null, isPlatformAdmin: false }, p)).toBe(false);
    }
  });
});
