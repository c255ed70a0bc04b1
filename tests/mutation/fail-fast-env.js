/* Mutation runs load an area's tests through one Jest file (load-suite.ts), so Jest's `bail`, which
 * stops after a failing *file*, never stops early: every mutant ran all the tests that cover it,
 * ~40 s for the zip reader's. A mutant is killed by its first failing test, so once one fails this
 * environment marks the tests not yet started as skipped; Jest then also leaves out the beforeAll
 * hooks of blocks with no test left to run. Test results of a normal `npm test` are not affected:
 * only the mutation configs name this environment. (Stryker wraps it and still calls this handler:
 * @stryker-mutator/jest-runner's mixinJestEnvironment keeps the inner handleTestEvent.) */
const { TestEnvironment } = require("jest-environment-node");

function skipNotStarted(block, keep) {
  if (block === keep) return;
  for (const child of block.children) {
    if (child.type === "describeBlock") skipNotStarted(child, keep);
    else if (child.startedAt == null && child.mode !== "todo") child.mode = "skip";
  }
}

class FailFastEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    if (event.name === "test_fn_failure") skipNotStarted(state.rootDescribeBlock);
    // A failing beforeAll fails the tests of its block (Jest adds the hook's error to each of them), but
    // only if they still run: skipping them too would turn a broken hook into a green run. Keep that block.
    else if (event.name === "hook_failure") skipNotStarted(state.rootDescribeBlock, event.hook.parent);
  }
}

module.exports = FailFastEnvironment;
