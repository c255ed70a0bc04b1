/**
 * A protected sheet is refused by the gateway's own check, before anything is queued for writing —
 * not by Excel's AccessDenied on the write (issue 14: the old test passed with the check removed).
 */
import { DEFAULT_CONFIG } from "../../src/core";
import { GATEWAY_MESSAGES } from "../../src/excel/errors";
import { checkSheet } from "../../src/excel/gateway";
import { seedFromTsv } from "../helpers/sheet";
import { dump, FakeContext, type FakeSheetData, sheetData } from "./fake-excel";

function seedSheet(): FakeSheetData {
  const input = seedFromTsv();
  return sheetData("人事・財政部会", input.cells.map((r) => r.map((c) => (c.kind === "empty" ? null : (c.value as string | number)))));
}
const run = (ctx: FakeContext, write = true) => checkSheet(ctx, { config: DEFAULT_CONFIG, write });

it("refuses a protected sheet after reading only: the syncs of a check-only run, its own message, nothing written", async () => {
  const reading = new FakeContext([seedSheet()]);
  await run(reading, false);
  const sheet = seedSheet();
  sheet.protected = true;
  const ctx = new FakeContext([sheet]);
  const before = dump(ctx.sheet("人事・財政部会"), 8, 14);
  const err = await run(ctx).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "protected", message: GATEWAY_MESSAGES.ja.protected });
  // No write was attempted: Excel never had to refuse one.
  expect(ctx.syncs).toBe(reading.syncs);
  expect(dump(ctx.sheet("人事・財政部会"), 8, 14)).toEqual(before);
});
