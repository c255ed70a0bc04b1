/** `npm run demo`: the main job on the bundled sample workbooks, judged copies written to a temp folder. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";

async function demo(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-demo-"));
  const samples = ["samples/seed-jinji-zaisei-r2.xlsx", "samples/sample-r2.xlsx"].map((s) => path.join(root, s));
  console.log(`$ shinchoku check ${samples.map((s) => path.relative(root, s)).join(" ")} --write ${out}\n`);
  const code = await main(["check", ...samples, "--write", out]);
  if (code === 2) {
    process.exitCode = 2;
    return;
  }
  console.log(`\n判定済みのブック: ${fs.readdirSync(out).map((f) => path.join(out, f)).join("\n                  ")}`);
  console.log(code === 1 ? "（サンプルには未入力の項目があるため、エラーが1件表示されます。これは想定どおりです。）" : "");
}

demo();
