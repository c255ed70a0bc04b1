/** Mutation runs: instrumented code runs several times slower and every mutant re-runs its tests,
 * so the property tests take fewer cases and the speed tests a looser bound (still failing on a
 * mutant that makes parsing hang or go quadratic on a 100,000-character cell). */
process.env.SHINCHOKU_MUTATION_RUN = "1"; // three slow interop/scale tests step aside (each says why)
process.env.FC_RUNS = process.env.FC_RUNS ?? "300";
process.env.SHINCHOKU_SPEED_LIMIT_MS = process.env.SHINCHOKU_SPEED_LIMIT_MS ?? "20000";
