// Sums the counters of every TRX file in a folder and prints the plain closing line "N passed, M failed".
// Exits 1 when a test failed or no test ran at all.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "TestResults";
let passed = 0, failed = 0, skipped = 0, files = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith(".trx"))) {
  const xml = readFileSync(join(dir, name), "utf8");
  const counters = xml.match(/<Counters\b[^>]*>/);
  if (!counters) continue;
  const attr = (key) => Number((counters[0].match(new RegExp(`\\b${key}="(\\d+)"`)) ?? [0, 0])[1]);
  files++;
  passed += attr("passed");
  failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted");
  skipped += attr("notExecuted");
  for (const m of xml.matchAll(/<UnitTestResult\b[^>]*testName="([^"]*)"[^>]*outcome="Failed"/g)) console.log(`FAILED: ${m[1]}`);
}
console.log(`test result files: ${files}`);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 || passed === 0 ? 1 : 0);
