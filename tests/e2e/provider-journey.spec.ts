import { writeFileSync } from "node:fs";
import type { DocumentReference, Encounter, Appointment } from "@medplum/fhirtypes";
import { expect, test } from "@playwright/test";
import { readTextLayer } from "../../lib/documents/pdf/read-text-layer";
import { renderPdfPageToPng } from "../../lib/documents/pdf/render-pdf-page";
import { withPdfDocument } from "../../lib/documents/pdf/with-pdf-document";
import { prepSheetIdentifierSystem } from "../../lib/writeback/build-document-reference";
import { sandboxControl } from "../epic-sandbox/sandbox-control";
import { issueUserToken } from "../epic-sandbox/testing/issue-user-token";
import { sandboxOrigin, signInWithEpic, waitForScreenedPatient } from "./fixtures";

const sandbox = sandboxOrigin;
const fhirBase = `${sandbox}/api/FHIR/R4`;

// Desiree Powell (sandbox seed): a former smoker of 58 with no low-dose CT → lung cancer screening
// Due; a mammogram Procedure (CPT + SNOMED) within two years → breast cancer screening Complete.
// Both come from structured data, so OCR quality on the scanned documents cannot change them.
const patient = { name: "Desiree Powell", ehrId: "eAB3mDIBBcyUKviyzrxsnAw3" };
const due = { name: "Lung cancer screening: low-dose CT", status: "Due" };
const complete = { name: "Breast cancer screening: mammography", status: "Complete" };

const todayInClinic = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());

/** Reads a resource from the sandbox as Epic's own user FHIR would (a token from the sandbox's test helper). */
async function readFromSandbox<T>(token: string, reference: string): Promise<T> {
  const res = await fetch(`${fhirBase}/${reference}`, { headers: { authorization: `Bearer ${token}`, accept: "application/fhir+json" } });
  expect(res.status, `GET ${reference}`).toBe(200);
  return (await res.json()) as T;
}

test("a provider signs in with Epic, prepares the day and files a prep sheet in Epic", async ({ page }) => {
  test.setTimeout(420_000);
  await signInWithEpic(page);
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
  await expect(page.getByText("Provider", { exact: true })).toBeVisible();

  // Today's schedule, in the clinic's time zone, synced from Epic with the provider's own token.
  await expect(page.getByLabel("Date")).toHaveValue(todayInClinic());
  await expect(page.getByTestId("sync-status")).toContainText("Synced from Epic", { timeout: 120_000 });
  // A provider starts on their own patients; the journey prepares the whole clinic's day.
  await expect(page.getByRole("link", { name: "My patients" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Whole clinic" }).click();
  await expect(page).toHaveURL(/\/o\/riverside\/schedule\?date=[\d-]+&who=clinic$/);
  const row = page.getByTestId("appointment-row").filter({ hasText: patient.name });
  await expect(row).toHaveCount(1);
  await waitForScreenedPatient(page, row);
  await expect(page).toHaveURL(/\/o\/riverside\/schedule\?date=[\d-]+&who=clinic$/);

  await page.getByRole("button", { name: "Prepare all" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Preparing \d+ prep sheets/ })).toBeVisible({ timeout: 30_000 });
  // Progress: every row ends Ready or Needs review (the table polls), documents read to the end.
  const rows = page.getByTestId("appointment-row");
  await expect(row.getByText(/^(Ready|Needs review)$/)).toBeVisible({ timeout: 300_000 });
  await expect(rows.filter({ has: page.getByText(/^(Not started|Preparing)$/) })).toHaveCount(0, { timeout: 120_000 });
  await expect(rows.filter({ has: page.getByText("Failed", { exact: true }) })).toHaveCount(0);
  const progress = page.getByRole("progressbar", { name: "Documents read" });
  expect(await progress.count()).toBeGreaterThan(0);
  for (const bar of await progress.all()) await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 240_000 });

  // The prep sheet: a Due and a Complete screening, each with why, and the Complete one's evidence.
  await row.getByTestId("prep-sheet-link").click();
  await expect(page).toHaveURL(/\/o\/riverside\/prep-sheets\/[0-9a-f-]{36}$/);
  const prepSheetId = new URL(page.url()).pathname.split("/").pop()!;
  const sheet = page.getByTestId("prep-sheet");
  await expect(sheet).toContainText(patient.name);
  await expect(sheet.getByTestId("sheet-summary")).toContainText(`${due.name}`);
  for (const section of ["Screenings", "Pre-visit checklist", "Provider notes"]) {
    await expect(sheet.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByTestId("prep-sheet-versions").getByText(/Version \d+ \(this one\)/)).toBeVisible();
  const dueItem = sheet.getByTestId("sheet-screening").filter({ has: page.getByTestId("sheet-screening-name").getByText(due.name, { exact: true }) });
  const completeItem = sheet.getByTestId("sheet-screening").filter({ has: page.getByTestId("sheet-screening-name").getByText(complete.name, { exact: true }) });
  await expect(dueItem.getByTestId("screening-status")).toHaveText(due.status);
  await expect(dueItem.getByTestId("sheet-screening-reason")).toHaveText(/\w/);
  await expect(completeItem.getByTestId("screening-status")).toHaveText(complete.status);
  await expect(completeItem.getByTestId("sheet-screening-reason")).toHaveText(/\w/);
  // The audit detail's evidence lines read "<Source> <date>: <label>" (the Due one: the smoking status that made her eligible).
  const evidenceLine = /^(Procedure|Result|Report|Immunization|Condition|Document) \d{4}-\d{2}-\d{2}: \S/;
  await expect(dueItem.getByTestId("sheet-evidence").first()).toHaveText(evidenceLine);
  await expect(completeItem.getByTestId("sheet-evidence").first()).toHaveText(evidenceLine);
  await expect(completeItem.getByTestId("sheet-screening-last-done")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(completeItem.getByTestId("sheet-screening-due")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  // On the face of the sheet, the evidence in a few plain words with its source and date.
  await expect(completeItem.getByTestId("sheet-screening-evidence")).toHaveText(/\((procedure|result|report|document) \d{4}-\d{2}-\d{2}\)$/);

  // The same on the patient page, in the expandable evidence (source label, date, snippet).
  await page.getByRole("link", { name: "Open patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: patient.name })).toBeVisible();
  const patientDue = page.getByTestId("screening-row").filter({ has: page.getByTestId("screening-name").getByText(due.name, { exact: true }) });
  const patientComplete = page.getByTestId("screening-row").filter({ has: page.getByTestId("screening-name").getByText(complete.name, { exact: true }) });
  await expect(patientDue.getByTestId("screening-status")).toHaveText(due.status);
  await expect(patientComplete.getByTestId("screening-status")).toHaveText(complete.status);
  await patientComplete.locator("summary").click();
  const evidence = patientComplete.getByTestId("evidence-item").first();
  await expect(evidence).toBeVisible();
  await expect(evidence).toContainText(/(Procedure|Report|Observation|Document)\s*\d{4}-\d{2}-\d{2}/);
  await expect(evidence).toContainText(/Confidence \d+%/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/prep-sheets/${prepSheetId}$`));

  // Download PDF: a real PDF whose text holds both screenings, with no patient name in its headers.
  const href = await page.getByTestId("download-pdf").getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="prep-sheet-\d{4}-\d{2}-\d{2}-v\d+\.pdf"$/);
  expect(JSON.stringify(pdf.headers())).not.toMatch(/Desiree|Powell/i);
  const bytes = new Uint8Array(await pdf.body());
  expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  const text = await withPdfDocument(bytes, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readTextLayer(await doc.getPage(n)));
    return pages.join("\n").replace(/\s+/g, " ");
  });
  for (const name of [patient.name, due.name, complete.name]) expect(text).toContain(name);
  writeFileSync(test.info().outputPath("prep-sheet.pdf"), bytes);
  writeFileSync(test.info().outputPath("prep-sheet-pdf-page-1.png"), await renderPdfPageToPng(bytes, 1, { dpi: 110, maxPixels: 4_000_000 }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  expect(download.suggestedFilename()).toMatch(/^prep-sheet-.*\.pdf$/);

  // Send to Epic: the ledger shows the note confirmed with Epic's id.
  await expect(page.getByTestId("write-back-state")).toContainText("Not sent to Epic yet.");
  await page.getByRole("button", { name: "Send to Epic" }).click();
  await expect(page.getByTestId("write-back-state")).toContainText("Confirmed in Epic", { timeout: 60_000 });
  const epicId = /DocumentReference (\S+)/.exec((await page.getByTestId("write-back-state").textContent()) ?? "")?.[1];
  expect(epicId).toBeTruthy();

  // The sandbox holds the note: our identifier, the patient, and the encounter of today's appointment.
  const created = (await sandboxControl(sandbox).stats()).documentReferencesCreated.filter((d) => d.id === epicId);
  expect(created).toHaveLength(1);
  expect(created[0]!.identifier).toContainEqual(expect.objectContaining({ system: prepSheetIdentifierSystem, value: prepSheetId }));
  const { access_token: token } = await issueUserToken({ authorizeEndpoint: `${sandbox}/oauth2/authorize`, tokenEndpoint: `${sandbox}/oauth2/token`, fhirBase });
  const note = await readFromSandbox<DocumentReference>(token, `DocumentReference/${epicId}`);
  expect(note.identifier).toContainEqual(expect.objectContaining({ system: prepSheetIdentifierSystem, value: prepSheetId }));
  expect(note.subject?.reference).toBe(`Patient/${patient.ehrId}`);
  const noteText = Buffer.from(note.content?.[0]?.attachment?.data ?? "", "base64").toString("utf8").replace(/\s+/g, " ");
  // The note is fixed-width text: names wrap inside their column, the status follows the first words.
  expect(noteText).toMatch(/Lung cancer Due /);
  expect(noteText).toMatch(/Breast cancer Complete \d{4}-\d{2}-\d{2}/);
  expect(noteText).toContain(`Prep sheet ${prepSheetId}.`);
  const encounterRef = note.context?.encounter?.[0]?.reference ?? "";
  expect(encounterRef).toMatch(/^Encounter\/\S+$/);
  const encounter = await readFromSandbox<Encounter>(token, encounterRef);
  expect(encounter.subject?.reference).toBe(`Patient/${patient.ehrId}`);
  const appointment = await readFromSandbox<Appointment>(token, encounter.appointment?.[0]?.reference ?? "missing");
  expect(appointment.participant.map((p) => p.actor?.reference)).toContain(`Patient/${patient.ehrId}`);
  expect(new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(appointment.start!))).toBe(todayInClinic());
});
