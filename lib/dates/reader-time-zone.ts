/**
 * The zone for a time on a page that belongs to no one clinic (the platform console, the account page).
 * The reader's own clinic's zone when they have one, so one page reads in one zone; else the zone of the
 * clinic the row belongs to; else UTC. formatClinicDateTime labels every time with its zone either way.
 */
export function readerTimeZone(homeZone: string | null | undefined, rowZone?: string | null): string {
  return homeZone ?? rowZone ?? "UTC";
}
