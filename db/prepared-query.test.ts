import { describe, expect, it } from "vitest";
import type { Db } from "./client";
import { definePreparedQuery } from "./prepared-query";

/** A stand-in for a drizzle query: records the names it was prepared under. */
function fakeQuery(sql: string, names: string[]) {
  return { toSQL: () => ({ sql }), prepare: (name: string) => (names.push(name), { name }) };
}

describe("definePreparedQuery", () => {
  it("builds and prepares once per database handle", () => {
    const names: string[] = [];
    let builds = 0;
    const query = definePreparedQuery("find_thing", () => (builds++, fakeQuery("select 1", names)));
    const a = {} as Db;
    const b = {} as Db;
    expect(query(a)).toBe(query(a));
    expect(query(b)).not.toBe(query(a));
    expect(builds).toBe(2);
    expect(names[0]).toBe(names[1]);
  });

  it("names the statement after its text, so an edited query never reuses the old name", () => {
    const names: string[] = [];
    definePreparedQuery("find_thing", () => fakeQuery("select 1", names))({} as Db);
    definePreparedQuery("find_thing", () => fakeQuery("select 2", names))({} as Db);
    expect(names[0]).toMatch(/^find_thing_[0-9a-f]{8}$/);
    expect(names[1]).toMatch(/^find_thing_[0-9a-f]{8}$/);
    expect(names[0]).not.toBe(names[1]);
  });
});
