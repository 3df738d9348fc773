/** What people call the clinic roles, wherever a role is shown or chosen. */
export const roleLabels: Record<string, string> = {
  org_admin: "Clinic administrator",
  provider: "Provider",
  staff: "Staff",
};
