import type { Bundle, DocumentReference, OperationOutcome, Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";
import { signInWithFetch } from "./testing/sign-in-with-fetch";
import { confidentialClientId, confidentialClientSecret } from "./sandbox-clients";
import { tokenRequest } from "./testing/token-request";

const now = () => new Date("2026-11-28T15:00:00Z");
const camila = "erXuFYUfucBZaryVksYEcMg3";
const derrick = "eq081-VQEgP8drUUqCWzHfw3";
const patientScopes = [
  "launch", "openid", "fhirUser",
  ...["Patient", "Observation", "Encounter", "DocumentReference", "Binary", "Practitioner"].map((t) => `patient/${t}.read`),
  "patient/DocumentReference.write",
].join(" ");
const redirectUri = "http://localhost:3000/api/auth/callback/epic";

let sandbox: EpicSandbox;
let patientToken: string;

beforeAll(async () => {
  sandbox = await startEpicSandbox({ now });
  const launch = sandbox.mintLaunch({ patient: camila, practitioner: sandbox.practitioners.FHIR! });
  patientToken = (await issueUserToken(sandbox, patientScopes, { launch })).access_token;
});
afterAll(() => sandbox.close());

function get(path: string, token = patientToken) {
  const url = path.startsWith("http") ? path : `${sandbox.fhirBase}/${path}`;
  return fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" } });
}
const json = async <T>(res: Response) => (await res.json()) as T;
const subjects = (bundle: Bundle) =>
  new Set((bundle.entry ?? []).filter((e) => e.search?.mode !== "outcome").map((e) => (e.resource as { subject?: { reference?: string } }).subject?.reference));

async function expectForbidden(res: Response) {
  expect(res.status).toBe(403);
  const body = await json<OperationOutcome>(res);
  expect(body.resourceType).toBe("OperationOutcome");
  expect(body.issue[0]?.code).toBe("forbidden");
}

describe("patient/ scopes reach only the context patient's compartment", () => {
  it("reads the context patient and refuses another with 403 and an OperationOutcome", async () => {
    expect((await json<Patient>(await get(`Patient/${camila}`))).id).toBe(camila);
    await expectForbidden(await get(`Patient/${derrick}`));
    // Unknown stays 404: the compartment check does not hide what does not exist.
    expect((await get("Patient/does-not-exist")).status).toBe(404);
  });

  it("refuses another patient's documents, encounters and Binary, and serves the context patient's", async () => {
    expect((await get("DocumentReference/eSbxDoc.Camila.Note1")).status).toBe(200);
    await expectForbidden(await get("DocumentReference/eSbxDoc.Derrick.Note1"));
    expect((await get("Encounter/eSbxEnc.Camila.30")).status).toBe(200);
    await expectForbidden(await get("Encounter/eSbxEnc.Derrick.45"));
    expect((await get("Binary/eSbxDoc.Camila.LabScan.b1")).status).toBe(200);
    await expectForbidden(await get("Binary/eSbxDoc.Derrick.LabPdf.b1"));
  });

  it("limits searches to the context patient and refuses a search naming another", async () => {
    const implicit = await json<Bundle>(await get("Observation?category=laboratory"));
    expect(implicit.total).toBeGreaterThan(0);
    expect(subjects(implicit)).toEqual(new Set([`Patient/${camila}`]));
    const explicit = await json<Bundle>(await get(`Observation?category=laboratory&subject=Patient/${camila}`));
    expect(explicit.total).toBe(implicit.total);
    await expectForbidden(await get(`Observation?category=laboratory&patient=${derrick}`));
    await expectForbidden(await get(`DocumentReference?patient=${camila},${derrick}`));
    const patients = await json<Bundle<Patient>>(await get("Patient?gender=male,female"));
    expect(patients.entry?.map((e) => e.resource?.id)).toEqual([camila]);
    const derrickByName = await json<Bundle>(await get("Patient?family=Lin"));
    expect(derrickByName.total).toBe(0);
  });

  it("keeps next pages confined and refuses a forged cursor for another patient", async () => {
    const first = await json<Bundle>(await get("Observation?category=laboratory&_count=2"));
    const next = first.link?.find((l) => l.relation === "next")?.url ?? "";
    expect(next).not.toBe("");
    expect(subjects(await json<Bundle>(await get(next)))).toEqual(new Set([`Patient/${camila}`]));
    const forged = Buffer.from(JSON.stringify({ q: `category=laboratory&patient=${derrick}`, c: 2, o: 0 })).toString("base64url");
    await expectForbidden(await get(`Observation?_page=${forged}`));
  });

  it("reads practitioners, which are outside the patient compartment", async () => {
    expect((await get(`Practitioner/${sandbox.practitioners.FHIR}`)).status).toBe(200);
  });

  it("files a note only for the context patient", async () => {
    const note = (patient: string, encounter: string): DocumentReference => ({
      resourceType: "DocumentReference", status: "current", docStatus: "preliminary",
      type: { coding: [{ system: "http://loinc.org", code: "11506-3" }] },
      subject: { reference: `Patient/${patient}` }, context: { encounter: [{ reference: `Encounter/${encounter}` }] },
      content: [{ attachment: { contentType: "text/plain", data: Buffer.from("note").toString("base64") } }],
    });
    const post = (body: DocumentReference) => fetch(`${sandbox.fhirBase}/DocumentReference`, {
      method: "POST", headers: { authorization: `Bearer ${patientToken}`, "content-type": "application/fhir+json" }, body: JSON.stringify(body),
    });
    await expectForbidden(await post(note(derrick, "eSbxEnc.Derrick.45")));
    expect((await post(note(camila, "eSbxEnc.Camila.30"))).status).toBe(201);
  });

  it("leaves user/ tokens unrestricted, also on an EHR launch with patient context (the app's flows)", async () => {
    const launch = sandbox.mintLaunch({ patient: camila, practitioner: sandbox.practitioners.FHIR! });
    const userToken = await issueUserToken(sandbox, "launch openid fhirUser user/Patient.read user/Observation.read patient/Observation.read", { launch });
    expect(userToken.patient).toBe(camila);
    expect((await get(`Patient/${derrick}`, userToken.access_token)).status).toBe(200);
    // A user/ scope for the type wins over a patient/ one on the same token.
    const derricks = await json<Bundle>(await get(`Observation?category=laboratory&patient=${derrick}`, userToken.access_token));
    expect(derricks.total).toBeGreaterThan(0);
  });

  it("refuses everything in the compartment to a patient/ token without a patient in context", async () => {
    const standalone = await issueUserToken(sandbox, "launch/patient openid fhirUser patient/Patient.read patient/Practitioner.read");
    expect(standalone).not.toHaveProperty("patient");
    await expectForbidden(await get(`Patient/${camila}`, standalone.access_token));
    await expectForbidden(await get("Patient?family=Lopez", standalone.access_token));
    expect((await get(`Practitioner/${sandbox.practitioners.FHIR}`, standalone.access_token)).status).toBe(200);
  });

  it("confines a MyChart patient's standalone launch to themselves, with patient/ scopes only", async () => {
    const scope = "launch/patient openid fhirUser patient/Patient.read patient/Observation.read user/Patient.read";
    const signedIn = await signInWithFetch({
      authorizeEndpoint: sandbox.authorizeEndpoint, aud: sandbox.fhirBase, clientId: confidentialClientId, redirectUri, scope,
      username: "FHIRCAMILA", password: "epicepic1",
    });
    expect(signedIn.pages[0]).toContain("fhircamila");
    const res = await tokenRequest(sandbox.tokenEndpoint, {
      grant_type: "authorization_code", code: signedIn.code ?? "", redirect_uri: redirectUri, code_verifier: signedIn.verifier,
    }, { kind: "basic", clientId: confidentialClientId, secret: confidentialClientSecret });
    const token = res.json as { access_token: string; patient?: string; scope: string; id_token: string };
    expect(token.patient).toBe(camila);
    expect(token.scope.split(" ")).not.toContain("user/Patient.read");
    const claims = JSON.parse(Buffer.from(token.id_token.split(".")[1] ?? "", "base64url").toString()) as { sub: string; fhirUser: string };
    expect(claims).toMatchObject({ sub: camila, fhirUser: `${sandbox.fhirBase}/Patient/${camila}` });
    expect((await get(`Patient/${camila}`, token.access_token)).status).toBe(200);
    await expectForbidden(await get(`Patient/${derrick}`, token.access_token));
    const labs = await json<Bundle>(await get("Observation?category=laboratory", token.access_token));
    expect(subjects(labs)).toEqual(new Set([`Patient/${camila}`]));
  });

  it("can be switched off", async () => {
    const open = await startEpicSandbox({ now, rules: { patientCompartment: false } });
    try {
      const launch = open.mintLaunch({ patient: camila, practitioner: open.practitioners.FHIR! });
      const token = (await issueUserToken(open, patientScopes, { launch })).access_token;
      const res = await fetch(`${open.fhirBase}/Patient/${derrick}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe("launch scopes at /authorize", () => {
  const signIn = (scope: string, target: EpicSandbox = sandbox) => signInWithFetch({
    authorizeEndpoint: target.authorizeEndpoint, aud: target.fhirBase, clientId: confidentialClientId, redirectUri, scope, state: "st-1",
  });

  it("refuses the launch scope without a launch parameter, back to the app with its state", async () => {
    const result = await signIn("launch openid fhirUser user/Patient.read");
    expect(result.pages).toHaveLength(0);
    expect(result.code).toBeNull();
    expect(result.callback.searchParams.get("error")).toBe("invalid_request");
    expect(result.callback.searchParams.get("error_description")).toMatch(/launch/);
    expect(result.state).toBe("st-1");
  });

  it("accepts launch/patient on a standalone provider launch and, like Epic, returns no patient", async () => {
    const result = await signIn("launch/patient openid fhirUser patient/Patient.read");
    expect(result.code).not.toBeNull();
    const token = await issueUserToken(sandbox, "launch/patient openid fhirUser patient/Patient.read");
    expect(token).not.toHaveProperty("patient");
    expect(token).not.toHaveProperty("__epic.dstu2.patient");
    expect(token.need_patient_banner).toBe("true");
    expect(String(token.scope).split(" ")).toContain("launch/patient");
  });

  it("lets the launch-scope rule be switched off", async () => {
    const lenient = await startEpicSandbox({ now, defaultSeed: false, rules: { launchScopeNeedsLaunch: false } });
    try {
      const result = await signIn("launch openid fhirUser user/Patient.read", lenient);
      expect(result.code).not.toBeNull();
    } finally {
      await lenient.close();
    }
  });
});
