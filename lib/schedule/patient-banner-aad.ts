import "server-only";

/** aad of a cached schedule banner: bound to its clinic and patient. */
export const patientBannerAad = (organizationId: string, patientId: string) => `patient_banners.banner:${organizationId}:${patientId}`;
