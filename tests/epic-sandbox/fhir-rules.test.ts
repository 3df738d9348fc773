import type { Binary, Bundle, CapabilityStatement, OperationOutcome } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";
import { child, parseXml } from "./testing/parse-xml";

let sandbox: EpicSandbox;
let token: string;
const camila = "erXuFYUfucBZaryVksYEcMg3";
const warren = "e0w0LEDCYtfckT6N.CkJKCw3";

beforeAll(async () => {
  sandbox = await startEpicSandbox({ now: () => new Date("2026-11-28T15:00:00Z") });
  token = (await issueUserToken(sandbox)).access_token;
});
afterAll(() => sandbox.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const url = path.startsWith("http") ? path : `${sandbox.fhirBase}/${path}`;
  return fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json", ...headers } });
}
const json = async <T>(res: Response) => (await res.json()) as T;

describe("discovery", () => {
  it("serves smart-configuration with S256 only and Epic's auth methods", async () => {
    const res = await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`, { headers: { "Epic-Client-ID": "healthprep-confidential" } });
    const conf = await json<Record<string, unknown>>(res);
    expect(conf.code_challenge_methods_supported).toEqual(["S256"]);
    expect(conf.token_endpoint).toBe(sandbox.tokenEndpoint);
    expect(conf.authorization_endpoint).toBe(sandbox.authorizeEndpoint);
    expect(conf.token_endpoint_auth_methods_supported).toEqual(["client_secret_basic", "client_secret_post", "private_key_jwt"]);
    expect(conf.capabilities).toEqual(expect.arrayContaining(["launch-ehr", "launch-standalone", "client-confidential-asymmetric", "permission-offline"]));
    const logged = sandbox.stats().requests.find((r) => r.path.endsWith("/.well-known/smart-configuration"));
    expect(logged?.epicClientId).toBe("healthprep-confidential");
  });

  it("serves /metadata with the oauth-uris extension, and the OIDC issuer metadata", async () => {
    const cap = await json<CapabilityStatement>(await fetch(`${sandbox.fhirBase}/metadata`));
    const oauth = cap.rest?.[0]?.security?.extension?.[0];
    expect(oauth?.url).toBe("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
    expect(oauth?.extension?.map((e) => [e.url, e.valueUri])).toEqual([["authorize", sandbox.authorizeEndpoint], ["token", sandbox.tokenEndpoint]]);
    const oidc = await json<Record<string, unknown>>(await fetch(`${sandbox.issuer}/.well-known/openid-configuration`));
    expect(oidc.issuer).toBe(sandbox.issuer);
    expect(oidc.jwks_uri).toBe(sandbox.jwksUri);
  });

  it("serves /metadata as FHIR XML for _format=xml or Accept: application/fhir+xml, in definition order", async () => {
    for (const [query, headers] of [["?_format=xml", {}], ["", { accept: "application/fhir+xml" }]] as const) {
      const res = await fetch(`${sandbox.fhirBase}/metadata${query}`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/fhir\+xml/);
      const root = parseXml(await res.text());
      expect(root.name).toBe("CapabilityStatement");
      expect(root.attrs.xmlns).toBe("http://hl7.org/fhir");
      // CapabilityStatement's element order, not the JSON object's (which starts with resourceType, status, date, kind).
      expect(root.children.map((c) => c.name)).toEqual(["status", "date", "kind", "software", "implementation", "fhirVersion", "format", "rest"]);
      const oauth = child(child(child(root, "rest"), "security"), "extension");
      expect(oauth.attrs.url).toBe("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
      expect(oauth.children.map((e) => [e.attrs.url, child(e, "valueUri").attrs.value])).toEqual([
        ["authorize", sandbox.authorizeEndpoint], ["token", sandbox.tokenEndpoint],
      ]);
      const patientResource = child(root, "rest").children.find((r) => r.name === "resource" && child(r, "type").attrs.value === "Patient");
      expect(patientResource?.children.map((c) => c.name)).toEqual(["type", "interaction", "interaction", "conditionalCreate"]);
    }
    // Without an XML request it stays JSON (the app's discovery reads JSON).
    const plain = await fetch(`${sandbox.fhirBase}/metadata`);
    expect(plain.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  });
});

describe("bearer and scope rules", () => {
  it("answers 401 with WWW-Authenticate without a token or with an unknown one", async () => {
    const none = await fetch(`${sandbox.fhirBase}/Patient/${camila}`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const bad = await get(`Patient/${camila}`, { authorization: "Bearer not-a-token" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await json<OperationOutcome>(bad)).resourceType).toBe("OperationOutcome");
  });

  it("answers 403 with an empty body when the scope does not cover the resource", async () => {
    const narrow = (await issueUserToken(sandbox, "openid fhirUser user/Patient.read")).access_token;
    expect((await get(`Patient/${camila}`, { authorization: `Bearer ${narrow}` })).status).toBe(200);
    const res = await get(`Condition?patient=${camila}&category=problem-list-item`, { authorization: `Bearer ${narrow}` });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("");
  });

  it("expires every token on expire-tokens (401 invalid_token), and a refreshed token works", async () => {
    const own = await issueUserToken(sandbox);
    const auth = { authorization: `Bearer ${own.access_token}` };
    expect((await get(`Patient/${camila}`, auth)).status).toBe(200);
    const expired = await fetch(`${sandbox.origin}/_sandbox/expire-tokens`, { method: "POST" });
    expect(expired.status).toBe(200);
    const after = await get(`Patient/${camila}`, auth);
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("invalid_token");
    token = (await issueUserToken(sandbox)).access_token;
  });

  it("expires tokens after --token-ttl seconds", async () => {
    const short = await startEpicSandbox({ defaultSeed: false, tokenTtlSeconds: 1 });
    try {
      const t = await issueUserToken(short);
      expect(t.expires_in).toBe(1);
      const ok = await fetch(`${short.fhirBase}/Practitioner/${short.practitioners.FHIR}`, { headers: { authorization: `Bearer ${t.access_token}` } });
      expect(ok.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const late = await fetch(`${short.fhirBase}/Practitioner/${short.practitioners.FHIR}`, { headers: { authorization: `Bearer ${t.access_token}` } });
      expect(late.status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe("Epic's required search parameters", () => {
  it("refuses Observation without category or code (400 fatal/required)", async () => {
    const res = await get(`Observation?patient=${camila}`);
    expect(res.status).toBe(400);
    const oo = await json<OperationOutcome>(res);
    expect(oo.issue[0]).toMatchObject({ severity: "fatal", code: "required" });
    const labs = await json<Bundle>(await get(`Observation?patient=${camila}&category=laboratory`));
    expect(labs.total).toBe(6);
    expect(labs.entry?.every((e) => e.resource?.resourceType === "Observation")).toBe(true);
    const a1c = await json<Bundle>(await get(`Observation?patient=${camila}&code=http://loinc.org|4548-4`));
    expect(a1c.total).toBe(2);
    const vitals = await json<Bundle>(await get(`Observation?patient=${camila}&category=vital-signs`));
    expect(vitals.total).toBe(3);
  });

  it("refuses Condition without category", async () => {
    expect((await get(`Condition?patient=${camila}`)).status).toBe(400);
    const problems = await json<Bundle>(await get(`Condition?patient=${camila}&category=problem-list-item`));
    const codes = problems.entry?.map((e) => (e.resource as { code?: { coding?: Array<{ code?: string }> } }).code?.coding?.[0]?.code);
    expect(codes?.sort()).toEqual(["E78.5", "R73.03"]);
    const dx = await json<Bundle>(await get(`Condition?patient=${camila}&category=encounter-diagnosis`));
    expect(dx.total).toBe(1);
  });

  it("puts an OperationOutcome entry in an empty searchset", async () => {
    const res = await get(`Observation?patient=${camila}&category=imaging`);
    expect(res.status).toBe(200);
    const bundle = await json<Bundle>(res);
    expect(bundle.total).toBe(0);
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry?.[0]?.search?.mode).toBe("outcome");
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe("OperationOutcome");
  });

  it("lets a rule be switched off", async () => {
    const lax = await startEpicSandbox({ rules: { observationNeedsCategoryOrCode: false } });
    try {
      const t = await issueUserToken(lax);
      const res = await fetch(`${lax.fhirBase}/Observation?patient=${camila}`, { headers: { authorization: `Bearer ${t.access_token}` } });
      expect(res.status).toBe(200);
      expect((await json<Bundle>(res)).total).toBe(10);
    } finally {
      await lax.close();
    }
  });
});

describe("the Epic APIs served", () => {
  // Issue #3's list; Binary is read-only (Epic has no Binary search), it is covered below.
  const searches: Record<string, string> = {
    Patient: `_id=${camila}`,
    Practitioner: "",
    Encounter: `patient=${camila}`,
    Appointment: `patient=${camila}`,
    Condition: `patient=${camila}&category=problem-list-item`,
    Observation: `patient=${camila}&category=laboratory`,
    Procedure: `patient=${warren}`,
    DiagnosticReport: `patient=${camila}`,
    DocumentReference: `patient=${warren}`,
    Immunization: `patient=${camila}`,
    MedicationRequest: `patient=${camila}`,
    AllergyIntolerance: "",
  };

  it.each(Object.entries(searches))("searches and reads %s", async (type, query) => {
    const bundle = await json<Bundle>(await get(`${type}?${query}`));
    const first = bundle.entry?.find((e) => e.search?.mode !== "outcome")?.resource;
    expect(first?.resourceType, `${type}?${query}`).toBe(type);
    const read = await get(`${type}/${first?.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect((await json<{ id: string }>(read)).id).toBe(first?.id);
  });
});

describe("paging", () => {
  it("returns absolute next links that work only with the bearer token", async () => {
    sandbox.resetStats();
    const first = await json<Bundle>(await get(`Observation?patient=${camila}&category=laboratory&_count=4`));
    expect(first.total).toBe(6);
    expect(first.entry).toHaveLength(4);
    expect(first.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${sandbox.fhirBase}/Observation/`));
    const next = first.link?.find((l) => l.relation === "next")?.url ?? "";
    expect(next.startsWith(`${sandbox.fhirBase}/Observation?`)).toBe(true);
    expect((await fetch(next)).status).toBe(401);
    const second = await json<Bundle>(await get(next));
    expect(second.entry).toHaveLength(2);
    expect(second.link?.some((l) => l.relation === "next")).toBe(false);
    const ids = [...(first.entry ?? []), ...(second.entry ?? [])].map((e) => e.resource?.id);
    expect(new Set(ids).size).toBe(6);
    const nextRequests = sandbox.stats().requests.filter((r) => r.path.includes("_page="));
    expect(nextRequests.map((r) => r.bearer)).toEqual([null, token]);
  });

  it("uses 50 as the default page size", async () => {
    const all = await json<Bundle>(await get("Immunization"));
    expect(all.total).toBeGreaterThan(0);
    const obs = await json<Bundle>(await get("Observation?category=laboratory"));
    expect(obs.total).toBe(60);
    expect(obs.entry).toHaveLength(50);
  });

  it("treats a _count that is not a positive number as the default", async () => {
    for (const count of ["0", "-3", "abc", "2.9"]) {
      const page = await json<Bundle>(await get(`Observation?category=laboratory&_count=${count}`));
      expect(page.entry, `_count=${count}`).toHaveLength(count === "2.9" ? 2 : 50);
    }
  });

  it("refuses a paging cursor that is not one it issued", async () => {
    const res = await get("Observation?_page=not-a-cursor");
    expect(res.status).toBe(400);
    expect((await json<OperationOutcome>(res)).resourceType).toBe("OperationOutcome");
  });

  it("supports _lastUpdated", async () => {
    const recent = await json<Bundle>(await get(`Procedure?patient=${warren}&_lastUpdated=ge2000-01-01`));
    expect(recent.total).toBeGreaterThan(0);
    const none = await json<Bundle>(await get(`Procedure?patient=${warren}&_lastUpdated=ge2999-01-01`));
    expect(none.total).toBe(0);
  });
});

describe("Binary", () => {
  it("returns raw bytes by default and FHIR JSON with Accept: application/fhir+json", async () => {
    const docs = await json<Bundle>(await get(`DocumentReference?patient=${warren}`));
    const colo = docs.entry?.map((e) => e.resource).find((r) => r?.id === "eSbxDoc.Warren.Colonoscopy");
    const url = (colo as { content: Array<{ attachment: { url: string; contentType: string } }> }).content[0]!.attachment;
    expect(url.url).toMatch(/^Binary\//);
    expect(url.contentType).toBe("application/pdf");
    const raw = await get(url.url, { accept: "application/pdf" });
    expect(raw.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const asJson = await json<Binary>(await get(url.url));
    expect(asJson.resourceType).toBe("Binary");
    expect(Buffer.from(asJson.data ?? "", "base64").equals(bytes)).toBe(true);
    expect((await get("Binary/does-not-exist")).status).toBe(404);
  });

  it("serves the long-id document and keeps the undated one undated", async () => {
    const long = await json<Bundle>(await get("DocumentReference?patient=eSbxNancySmart.Pt0000093"));
    expect(long.entry?.[0]?.resource?.id?.length).toBeGreaterThan(64);
    const undated = await json<{ date?: string }>(await get("DocumentReference/eSbxDoc.Olivia.Undated"));
    expect(undated.date).toBeUndefined();
  });

  it("holds every document kind the pipeline must read", async () => {
    const docs = await json<Bundle>(await get("DocumentReference?_count=200"));
    const contents = (docs.entry ?? []).flatMap((e) =>
      ((e.resource as { content?: Array<{ attachment: { contentType?: string; url?: string; data?: string } }> }).content ?? []).map((c) => c.attachment),
    );
    const types = new Set(contents.map((a) => a.contentType));
    expect([...types].sort()).toEqual(["application/pdf", "image/jpeg", "image/png", "text/html", "text/plain", "text/rtf"]);
    expect(contents.filter((a) => a.data).length).toBeGreaterThanOrEqual(3);
    const magic = async (id: string) => Buffer.from(await (await get(`Binary/${id}`, { accept: "*/*" })).arrayBuffer()).subarray(0, 4);
    expect((await magic("eSbxDoc.Warren.Pathology.b1")).toString("hex")).toBe("89504e47");
    expect((await magic("eSbxDoc.Camila.LabScan.b1")).toString("hex").slice(0, 6)).toBe("ffd8ff");
    expect((await magic("eSbxDoc.Desiree.MammoScan.b1")).toString()).toBe("%PDF");
    expect((await magic("eSbxDoc.Derrick.Note1.b2")).toString()).toBe("{\\rt");
  });
});
