"use client";
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

export type ScheduleProgress = { preparing: number; failed: number };
type Value = ScheduleProgress & { publish: (progress: ScheduleProgress) => void };

const Context = createContext<Value>({ preparing: 0, failed: 0, publish: () => undefined });

/**
 * Shares the polled table's progress with the header, so "Preparing N prep sheets…" beside the
 * Prepare all button ends when the rows do, without the two components knowing each other.
 */
export function ScheduleProgressProvider({ children }: { children: ReactNode }) {
  const [progress, publish] = useState<ScheduleProgress>({ preparing: 0, failed: 0 });
  const value = useMemo(() => ({ ...progress, publish }), [progress]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useScheduleProgress(): Value {
  return useContext(Context);
}
