/** Test helper: simulates a user editing the sheet while the add-in's Excel.run is between syncs. */
import type { FakeContext } from "./fake-excel";

/** Runs `change` right after sync number `after` (counted from now). */
export function changeAfterSync(ctx: FakeContext, after: number, change: () => void): void {
  const realSync = ctx.sync.bind(ctx);
  let n = 0;
  ctx.sync = async () => {
    await realSync();
    if (++n === after) change();
  };
}
