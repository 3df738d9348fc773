import { describe, expect, it } from "vitest";
import appointments from "../fixtures/appointments-searchset.json";
import { getBundleResources } from "../bundle";
import { mapAppointment } from "./appointment";

const [first, second] = getBundleResources(appointments).map(mapAppointment);

describe("mapAppointment", () => {
  it("maps an Epic appointment with participants, encounter and service type", () => {
    expect(first?.issues).toEqual([]);
    expect(first?.value).toMatchObject({
      ehrId: "eAppt.today-1",
      status: "booked",
      start: "2026-11-28T15:00:00.000Z",
      end: "2026-11-28T15:20:00.000Z",
      minutesDuration: 20,
      patientIds: ["eFx7Qm0rT1Rk8pVw2YzA9Bc3"],
      practitionerIds: ["eDrW9xY8zA7bC6dE5fG4hI3"],
      locationIds: ["eLoc1mN2oP3qR4sT5uV6wX3"],
      encounterId: "eEnc0aB1cD2eF3gH4iJ5kL3",
      appointmentType: { text: "Office Visit" },
    });
    expect(first?.value?.serviceTypes[0]?.codings[0]).toMatchObject({ code: "1004", kind: "epic" });
  });

  it("reads absolute participant references and tolerates missing optional parts", () => {
    expect(second?.value).toMatchObject({ status: "arrived", patientIds: ["eKd.81-Lm0PqRs4TuVw6Xy3"], locationIds: [], encounterId: null, appointmentType: null, minutesDuration: null });
  });

  it.each([
    ["date-only start is flagged (a schedule slot needs a time)", { start: "2026-11-28" }, { start: null }, [{ path: "start", problem: "invalid" }]],
    ["no patient participant flagged", { participant: [{ actor: { reference: "Practitioner/x" } }] }, { patientIds: [], practitionerIds: ["x"] }, [{ path: "participant", problem: "missing" }]],
    ["encounter via extension", { extension: [{ url: "http://example.org/ext", valueReference: { reference: "Encounter/e9" } }] }, { encounterId: "e9" }, []],
    ["duplicate participants de-duplicated", { participant: [{ actor: { reference: "Patient/p" } }, { actor: { reference: "Patient/p/_history/2" } }] }, { patientIds: ["p"] }, []],
  ])("%s", (_name, extra, expected, issues) => {
    const result = mapAppointment({ resourceType: "Appointment", id: "a", participant: [{ actor: { reference: "Patient/p" } }], ...extra });
    expect(result.value).toMatchObject(expected);
    expect(result.issues).toEqual(issues);
  });
});
