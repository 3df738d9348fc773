import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs (app → lib → db, inngest → lib → db) run on snippets placed
// in each layer: an import that crosses a boundary the wrong way must be an error, and the imports
// the layers do use must stay allowed (a rule that flags everything would also "fail").
const repoRoot = path.resolve(import.meta.dirname, "../..");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const code = `import { thing } from "${source}";\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("ESLint layer boundaries", () => {
  it.each([
    ["db/schema/example.ts", "@/lib/screening/clinic-settings", /db\/ is persistence only/],
    ["db/queries/example.ts", "@/lib/screening", /db\/ is persistence only/],
    ["db/example.ts", "../lib/demo/seed-demo", /db\/ is persistence only/],
    ["db/schema/example.ts", "../../lib/organizations/clinic-settings-store", /db\/ is persistence only/],
    ["db/queries/example.ts", "@/app/o/[orgSlug]/settings/actions", /db\/ is persistence only/],
    ["db/queries/example.ts", "@/inngest", /db\/ is persistence only/],
    ["lib/screening/example.ts", "@/app/o/[orgSlug]/settings/actions", /lib\/ never imports app/],
    ["lib/screening/example.ts", "@/inngest/client", /lib\/ never imports/],
    ["lib/screening/example.ts", "@/components/ui/button", /lib\/ never imports/],
    ["inngest/functions/example.ts", "@/app/o/[orgSlug]/settings/actions", /inngest\/ calls lib\//],
    ["app/o/[orgSlug]/example.ts", "@/db/queries/organizations", /app\/ calls lib\//],
    ["app/o/[orgSlug]/example.ts", "@/inngest/client", /app\/ calls lib\//],
    ["app/api/inngest/route.ts", "@/db/client", /app\/ calls lib\//],
  ])("%s importing %s is an error", async (filePath, source, message) => {
    const errors = await boundaryErrors(filePath, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ["db/schema/example.ts", "@/lib/ids"],
    ["db/example.ts", "@/lib/env"],
    ["db/queries/example.ts", "../schema"],
    ["lib/screening/example.ts", "@/db/queries/screenings"],
    ["lib/demo/example.ts", "@/lib/screening"],
    ["inngest/functions/example.ts", "@/lib/jobs/events"],
    ["app/o/[orgSlug]/example.ts", "@/lib/organizations/clinic-settings-store"],
    ["app/o/[orgSlug]/example.ts", "@/components/ui/button"],
    ["app/api/inngest/route.ts", "@/inngest"],
    ["scripts/example.ts", "@/lib/demo/seed-demo"],
  ])("%s importing %s is allowed", async (filePath, source) => {
    expect(await boundaryErrors(filePath, source)).toEqual([]);
  });
});
