/** Claims (§5): what the self-assessment says about attainment, per KPI. */
import { MARK_CLOSE, MARK_OPEN } from "./normalize";
import type { Claim } from "./types";

const DENY = [
  "達成することはできなかった", "達成することができなかった", "達成できなかった", "達成できていない",
  "達成していない", "達成されなかった", "達成できず", "未達成", "達成に(?:は)?至らなかった", "達成に(?:は)?至っていない", "達成に(?:は)?至らず",
];
const PARTIAL = ["一部達成", "(?:概ね|おおむね)達成", "(?:概ね|おおむね)[、,]?計画(?:どおり|通り)"];
const AFFIRM = [
  "達成した", "達成できた", "達成している", "達成しました", "達成となった", "達成することができた", "完了した",
  "計画(?:どおり|通り)に?(?:実施|完了|進捗|達成)",
];

const PHRASES = new RegExp(
  [...DENY.map((p) => `(${p})`), ...PARTIAL.map((p) => `(${p})`), ...AFFIRM.map((p) => `(${p})`)].join("|") + `|(${MARK_OPEN}\\d+${MARK_CLOSE})`,
  "g",
);
const N_DENY = DENY.length;
const N_PARTIAL = PARTIAL.length;
const N_AFFIRM = AFFIRM.length;

const RANK: Record<Claim, number> = { none: 0, affirm: 1, partial: 2, deny: 3 };

/** The claim per KPI id. A claim covers the markers before it in its sentence, or every KPI. */
export function findClaims(parseText: string, kpiIds: readonly string[]): Map<string, Claim> {
  const claims = new Map<string, Claim>(kpiIds.map((id) => [id, "none"]));
  const raise = (id: string, c: Claim): void => {
    const cur = claims.get(id);
    if (cur !== undefined && RANK[c] > RANK[cur]) claims.set(id, c);
  };
  for (const sentence of parseText.split(/[。！？!?\n]/)) {
    if (sentence.indexOf("達成") < 0 && sentence.indexOf("計画") < 0 && sentence.indexOf("完了") < 0) continue;
    let group: string[] = [];
    PHRASES.lastIndex = 0;
    for (let m = PHRASES.exec(sentence); m !== null; m = PHRASES.exec(sentence)) {
      const idx = m.findIndex((g, k) => k > 0 && g !== undefined);
      if (idx === N_DENY + N_PARTIAL + N_AFFIRM + 1) {
        group.push(m[0].slice(1, -1));
        continue;
      }
      const claim: Claim = idx <= N_DENY ? "deny" : idx <= N_DENY + N_PARTIAL ? "partial" : "affirm";
      const covered = group.length > 0 ? group : kpiIds;
      for (const id of covered) raise(id, claim);
      group = [];
    }
  }
  return claims;
}
