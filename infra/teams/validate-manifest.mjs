// Validates a filled Teams app manifest against the official schema of its manifestVersion, as bundled in
// @microsoft/app-manifest (no download: the schema's URL is never fetched).
//   node infra/teams/validate-manifest.mjs path/to/manifest.json
// Exit 0: valid. Exit 1: invalid (one line per problem). Exit 2: usage, or the package is not installed
// (run: npm install --prefix infra/teams).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-manifest.mjs MANIFEST.json");
  process.exit(2);
}
const require = createRequire(import.meta.url);
let appManifest, packageDir;
try {
  packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  appManifest = await import("@microsoft/app-manifest");
} catch {
  console.error("@microsoft/app-manifest is not installed: run `npm install --prefix infra/teams` (it pins 1.1.2).");
  process.exit(2);
}
const manifest = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
const version = manifest.manifestVersion;
const schemaPath = path.join(packageDir, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
let schema;
try {
  schema = JSON.parse(await readFile(schemaPath, "utf8"));
} catch {
  console.error(`No bundled schema for manifestVersion '${version}' (looked for ${schemaPath}).`);
  process.exit(1);
}
const failures = await appManifest.AppManifestUtils.validateAgainstSchema(manifest, schema);
if (failures.length > 0) {
  for (const f of failures) console.error(f);
  process.exit(1);
}
console.log(`valid against the bundled Teams manifest schema v${version}`);
