"use server";
import { revalidatePath } from "next/cache";
import { orgAction, type OrgActionContext } from "@/lib/http/org-action";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import type { ClinicSettingsSection } from "@/lib/organizations/clinic-settings-store";
import { inviteMember } from "@/lib/organizations/invite-member";
import {
  changeMemberRoleSchema, inviteMemberSchema, prepSheetSettingsFormSchema, removeMemberSchema, screeningTimingFormSchema,
  sessionSettingsFormSchema, syncSettingsFormSchema, writeBackSettingsFormSchema,
} from "@/lib/organizations/organization-schemas";
import { removeMember } from "@/lib/organizations/remove-member";
import { updateClinicSettings } from "@/lib/organizations/update-clinic-settings";

// Change a member's role in this clinic (ends their sessions).
export const changeMemberRoleAction = orgAction(
  { permission: "members.manage", schema: changeMemberRoleSchema },
  async (input, ctx) => {
    const result = await changeMemberRole(
      ctx.db,
      { ...ctx.scope, membershipId: input.membershipId, role: input.role },
      ctx.meta,
    );
    revalidatePath(`/o/${ctx.organization.slug}/settings`);
    return result;
  },
);

// Remove a member from this clinic (ends all their sessions).
export const removeMemberAction = orgAction({ permission: "members.manage", schema: removeMemberSchema }, async (input, ctx) => {
  const result = await removeMember(
    ctx.db,
    { ...ctx.scope, membershipId: input.membershipId },
    ctx.meta,
  );
  revalidatePath(`/o/${ctx.organization.slug}/settings`);
  return result;
});

// Invite someone to this clinic by email with a role (creates the user, without a password, if new).
export const inviteMemberAction = orgAction({ permission: "members.manage", schema: inviteMemberSchema }, async (input, ctx) => {
  const result = await inviteMember(
    ctx.db,
    { ...ctx.scope, email: input.email, name: input.name, role: input.role, epicUser: input.epicUser },
    ctx.meta,
  );
  revalidatePath(`/o/${ctx.organization.slug}/settings`);
  return result;
});

const saveSection = (section: ClinicSettingsSection) => async (input: { values: Record<string, unknown> }, ctx: OrgActionContext) => {
  const result = await updateClinicSettings(ctx.db, { ...ctx.scope, section, values: input.values }, ctx.meta);
  revalidatePath(`/o/${ctx.organization.slug}/settings`, "layout");
  return result;
};

// Save the prep-sheet section (windows, MRN, checklist, notes lines, evidence per screening).
export const savePrepSheetSettingsAction = orgAction({ permission: "settings.manage", schema: prepSheetSettingsFormSchema }, saveSection("prepSheet"));

// Save the clinic's default screening timing and minimum OCR confidence.
export const saveScreeningTimingAction = orgAction({ permission: "settings.manage", schema: screeningTimingFormSchema }, saveSection("screening"));

// Save the write-back-to-Epic section (dry run, daily cap, docStatus, note type).
export const saveWriteBackSettingsAction = orgAction({ permission: "settings.manage", schema: writeBackSettingsFormSchema }, saveSection("writeBack"));

// Save the session timeouts.
export const saveSessionSettingsAction = orgAction({ permission: "settings.manage", schema: sessionSettingsFormSchema }, saveSection("sessions"));

// Save how many patients an Epic pull handles at once.
export const saveSyncSettingsAction = orgAction({ permission: "settings.manage", schema: syncSettingsFormSchema }, saveSection("sync"));
