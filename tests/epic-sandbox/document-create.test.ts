import type { Bundle, DocumentReference } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";

let sandbox: EpicSandbox;
let token: string;
const linda = "eIXesllypH3M9tAA5WdJftQ3";
const lindaStay = "eSbxEnc.Linda.Inpatient";
const camilaEncounter = "eSbxEnc.Camila.30";

beforeAll(async () => {
  sandbox = await startEpicSandbox({ now: () => new Date("2026-11-28T15:00:00Z") });
  token = (await issueUserToken(sandbox)).access_token;
});
afterAll(() => sandbox.close());

function note(overrides: Partial<DocumentReference> = {}): DocumentReference {
  return {
    resourceType: "DocumentReference",
    status: "current",
    docStatus: "preliminary",
    type: { coding: [{ system: "http://loinc.org", code: "11506-3", display: "Progress note" }] },
    subject: { reference: `Patient/${linda}` },
    context: { encounter: [{ reference: `Encounter/${lindaStay}` }] },
    identifier: [{ system: "urn:healthprep:prep-sheet", value: "prep-1" }],
    content: [{ attachment: { contentType: "text/plain", data: Buffer.from("Prep sheet\nA1c due").toString("base64") } }],
    ...overrides,
  };
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${sandbox.fhirBase}/DocumentReference`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("DocumentReference.Create (Clinical Notes)", () => {
  it("answers 201 with a relative Location and an empty body", async () => {
    sandbox.resetStats();
    const res = await post(note());
    expect(res.status).toBe(201);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^DocumentReference\/[A-Za-z0-9.-]+$/);
    expect(await res.text()).toBe("");
    const stored = (await (await fetch(`${sandbox.fhirBase}/${location}`, { headers: { authorization: `Bearer ${token}` } })).json()) as DocumentReference;
    expect(stored.subject?.reference).toBe(`Patient/${linda}`);
    expect(stored.docStatus).toBe("preliminary");
    expect(sandbox.stats().documentReferencesCreated).toEqual([
      { id: location.split("/")[1], patient: linda, identifier: [{ system: "urn:healthprep:prep-sheet", value: "prep-1" }], relatesTo: [] },
    ]);
  });

  it("returns the resource with Prefer: return=representation", async () => {
    const res = await post(note({ relatesTo: [{ code: "replaces", target: { reference: "DocumentReference/eOld3" } }] }), { prefer: "return=representation" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as DocumentReference;
    expect(res.headers.get("location")).toBe(`DocumentReference/${body.id}`);
    expect(body.relatesTo?.[0]?.code).toBe("replaces");
    expect(sandbox.stats().documentReferencesCreated.at(-1)?.relatesTo).toEqual([{ code: "replaces", target: "DocumentReference/eOld3" }]);
  });

  it("does not deduplicate: the same POST twice files two notes, both found by identifier", async () => {
    const payload = note({ identifier: [{ system: "urn:healthprep:prep-sheet", value: "dup-check" }] });
    const a = (await post(payload)).headers.get("location");
    const b = (await post(payload)).headers.get("location");
    expect(a).not.toBe(b);
    const found = (await (await fetch(`${sandbox.fhirBase}/DocumentReference?identifier=urn:healthprep:prep-sheet|dup-check`, {
      headers: { authorization: `Bearer ${token}` },
    })).json()) as Bundle;
    expect(found.total).toBe(2);
  });

  it.each([
    ["no encounter", note({ context: {} }), /encounter/],
    ["an encounter of another patient", note({ context: { encounter: [{ reference: `Encounter/${camilaEncounter}` }] } }), /does not belong/],
    ["an unknown patient", note({ subject: { reference: "Patient/nobody" } }), /subject/],
    ["no docStatus", note({ docStatus: undefined }), /docStatus/],
    ["two attachments", note({ content: [note().content[0]!, note().content[0]!] }), /Exactly one/],
    ["an html attachment", note({ content: [{ attachment: { contentType: "text/html", data: Buffer.from("<p>x</p>").toString("base64") } }] }), /text\/plain/],
    ["a url instead of data", note({ content: [{ attachment: { contentType: "text/plain", url: "Binary/x" } }] }), /base64/],
  ])("refuses a note with %s (400 OperationOutcome)", async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const oo = (await res.json()) as { issue: Array<{ details: { text: string } }> };
    expect(oo.issue[0]?.details.text).toMatch(message);
  });

  it("needs a write scope", async () => {
    const readOnly = (await issueUserToken(sandbox, "openid fhirUser user/DocumentReference.read")).access_token;
    const res = await post(note(), { authorization: `Bearer ${readOnly}` });
    expect(res.status).toBe(403);
  });
});
