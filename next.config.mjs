if (!process.versions.node.startsWith("24.")) {
  throw new Error(`Node 24 expected (node devDependency), got ${process.version}; run through npm run / npx`);
}
// Validates the environment when the server or build starts; a bad variable fails fast, by name.
await import("./lib/env.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native addons and worker-script packages must stay out of the bundle (stack-facts §3).
  serverExternalPackages: ["@napi-rs/canvas", "pdfjs-dist", "tesseract.js", "@tesseract.js-data/eng", "@electric-sql/pglite"],
  typedRoutes: false,
  // Epic fetches our private_key_jwt public keys from the conventional path.
  async rewrites() {
    return [{ source: "/.well-known/jwks.json", destination: "/api/jwks" }];
  },
};

export default nextConfig;
