/** One value set as the product stores it: the VSAC title and version, codes keyed by FHIR system url. */
export type ValueSetData = {
  title: string;
  version: string;
  codes: Readonly<Record<string, readonly string[]>>;
};
