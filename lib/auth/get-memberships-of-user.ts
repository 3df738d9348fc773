import "server-only";
import { cache } from "react";
import type { Db } from "@/db/client";
import { listMembershipsOfUser } from "@/db/queries/organizations";

/**
 * The user's memberships with their clinics, read once per request (React cache): the session
 * policy, page access and the clinic switcher all need them.
 */
export const getMembershipsOfUser = cache((db: Db, userId: string) => listMembershipsOfUser(db, userId));
