// @tesseract.js-data/eng ships no types; its CommonJS export describes the bundled traineddata.
declare module "@tesseract.js-data/eng" {
  const engData: { code: string; gzip: boolean; langPath: string };
  export default engData;
}
