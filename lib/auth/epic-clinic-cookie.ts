/** Which clinic's Epic app a sign-in in progress uses (slug only; not a credential). */
export const epicClinicCookie = {
  name: "hp_epic_clinic",
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 15 * 60 },
};
