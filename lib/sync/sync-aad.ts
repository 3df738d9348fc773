/**
 * Additional authenticated data for every encrypted column this module writes. Each value names
 * the table, column and row (or natural key), so a ciphertext copied elsewhere does not decrypt.
 */
export const syncAad = {
  patientFacts: (patientId: string) => `patients.facts:${patientId}`,
  clinicalRecord: (key: { organizationId: string; patientId: string; resourceType: string; ehrId: string }) =>
    `clinical_records.data:${key.organizationId}:${key.patientId}:${key.resourceType}:${key.ehrId}`,
  documentTitle: (documentId: string) => `patient_documents.title:${documentId}`,
  documentText: (documentId: string) => `patient_documents.text:${documentId}`,
};
