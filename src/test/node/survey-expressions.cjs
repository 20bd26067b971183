// Evaluates SurveyJS expressions with survey-core's own runner, for the differential test of OpenKYC's evaluator.
// Input: a file of JSON lines {"expression": "...", "values": {...}}; output: one JSON line per input, the result
// ({"value": ...}) or the error ({"error": "..."}).
const fs = require("fs");
const path = require("path");
const { ExpressionRunner } = require(path.resolve(__dirname, "../../main/npm/node_modules/survey-core"));

const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
const out = [];
for (const line of lines) {
  const { expression, values } = JSON.parse(line);
  try {
    const value = new ExpressionRunner(expression).runValues(values);
    out.push(JSON.stringify({ value: value === undefined ? null : value }));
  } catch (e) {
    out.push(JSON.stringify({ error: String(e) }));
  }
}
process.stdout.write(out.join("\n") + "\n");
