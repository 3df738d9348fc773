import { describe, expect, it } from "vitest";
import { toFhirXml, wantsXml } from "./fhir/fhir-xml";
import type { SchemaLookup, XmlTypeSchema } from "./fhir/fhir-xml";
import { child, parseXml } from "./testing/parse-xml";

const patient = {
  resourceType: "Patient",
  id: "erXuFYUfucBZaryVksYEcMg3",
  text: { status: "generated", div: '<div xmlns="http://www.w3.org/1999/xhtml">Camila &amp; <b>Lopez</b></div>' },
  extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", valueCode: "F" }],
  name: [{ id: "n1", family: "Lopez", given: ["Camila", "Maria"] }],
  birthDate: "1987-09-12",
  _birthDate: { extension: [{ url: "http://hl7.org/fhir/StructureDefinition/patient-birthTime", valueDateTime: "1987-09-12T08:30:00-04:00" }] },
  active: true,
  contained: [{ resourceType: "Organization", id: "org1", name: "Clinic <North> & \"South\"\nWing" }],
};

describe("toFhirXml", () => {
  it("writes the FHIR XML forms: namespace root, value attributes, repeated arrays, id and url attributes", () => {
    const root = parseXml(toFhirXml(patient));
    expect(root.name).toBe("Patient");
    expect(root.attrs.xmlns).toBe("http://hl7.org/fhir");
    // A resource's id is an element; an element's id is an attribute.
    expect(child(root, "id").attrs.value).toBe("erXuFYUfucBZaryVksYEcMg3");
    const name = child(root, "name");
    expect(name.attrs.id).toBe("n1");
    expect(name.children.filter((c) => c.name === "given").map((c) => c.attrs.value)).toEqual(["Camila", "Maria"]);
    const extension = child(root, "extension");
    expect(extension.attrs.url).toBe("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex");
    expect(extension.children).toEqual([{ name: "valueCode", attrs: { value: "F" }, children: [] }]);
    expect(child(root, "active").attrs.value).toBe("true");
  });

  it("puts a primitive's _extension inside its element and wraps contained resources", () => {
    const root = parseXml(toFhirXml(patient));
    const birthDate = child(root, "birthDate");
    expect(birthDate.attrs.value).toBe("1987-09-12");
    expect(child(birthDate, "extension").attrs.url).toBe("http://hl7.org/fhir/StructureDefinition/patient-birthTime");
    const org = child(child(root, "contained"), "Organization");
    expect(org.attrs.xmlns).toBeUndefined();
    // Quotes, angle brackets, ampersands and newlines survive the attribute round trip.
    expect(child(org, "name").attrs.value).toBe('Clinic <North> & "South"\nWing');
  });

  it("copies the narrative XHTML as it is", () => {
    const xml = toFhirXml(patient);
    expect(xml).toContain('<text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">Camila &amp; <b>Lopez</b></div></text>');
    expect(child(child(parseXml(xml), "text"), "div").children.map((c) => c.name)).toEqual(["b"]);
  });

  it("orders children by the schema, placing choice elements at value[x], and keeps JSON order without one", () => {
    const schemas: Record<string, XmlTypeSchema> = {
      Observation: { elements: { id: { type: [{ code: "id" }] }, status: { type: [{ code: "code" }] }, code: { type: [{ code: "CodeableConcept" }] }, "value[x]": { type: [{ code: "Quantity" }, { code: "string" }] }, note: { type: [{ code: "Annotation" }] } } },
      CodeableConcept: { elements: { coding: { type: [{ code: "Coding" }] }, text: { type: [{ code: "string" }] } } },
    };
    const schemaOf: SchemaLookup = (type) => schemas[type];
    const observation = { resourceType: "Observation", note: [{ text: "n" }], valueString: "positive", code: { text: "A1c", coding: [{ code: "4548-4" }] }, status: "final", id: "o1" };
    const ordered = parseXml(toFhirXml(observation, schemaOf));
    expect(ordered.children.map((c) => c.name)).toEqual(["id", "status", "code", "valueString", "note"]);
    expect(child(ordered, "code").children.map((c) => c.name)).toEqual(["coding", "text"]);
    const asIs = parseXml(toFhirXml(observation));
    expect(asIs.children.map((c) => c.name)).toEqual(["note", "valueString", "code", "status", "id"]);
  });
});

describe("parseXml (the test's own checker)", () => {
  it("refuses what a serialiser bug would produce", () => {
    expect(() => parseXml("<a><b></a>")).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a x="<"/>')).toThrow();
    expect(() => parseXml("<a>fish & chips</a>")).toThrow();
    expect(() => parseXml("<a/><b/>")).toThrow();
    expect(parseXml('<a x="&lt;&#10;"><b/></a>')).toEqual({ name: "a", attrs: { x: "<\n" }, children: [{ name: "b", attrs: {}, children: [] }] });
  });
});

describe("wantsXml", () => {
  const url = (q = "") => new URL(`http://x/api/FHIR/R4/metadata${q}`);
  it("follows _format first, then an Accept that names xml and not json", () => {
    expect(wantsXml(url("?_format=xml"), "application/fhir+json")).toBe(true);
    expect(wantsXml(url("?_format=application/fhir+xml"), undefined)).toBe(true);
    expect(wantsXml(url("?_format=json"), "application/fhir+xml")).toBe(false);
    expect(wantsXml(url(), "application/fhir+xml")).toBe(true);
    expect(wantsXml(url(), "application/xml;q=0.9")).toBe(true);
    expect(wantsXml(url(), "application/fhir+json, application/fhir+xml;q=0.5")).toBe(false);
    expect(wantsXml(url(), "*/*")).toBe(false);
    expect(wantsXml(url(), undefined)).toBe(false);
  });
});
