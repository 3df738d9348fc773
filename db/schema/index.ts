export * from "./auth";
export * from "./organizations";
export * from "./audit-events";
export * from "./rate-limits";
