/** Claims (§5): what the self-assessment says about attainment, per KPI. */
import { MARK_CLOSE, MARK_OPEN } from "./normalize";
import type { Claim } from "./types";

const DENY = [
  "達成することはできなかった", "達成することができなかった", "達成できなかった", "達成できていない",
  "達成していない", "達成されなかった", "達成できず", "未達成", "達成に(?:は)?至らなかった", "達成に(?:は)?至っていない", "達成に(?:は)?至らず",
];
const PARTIAL = ["一部達成", "(?:概ね|おおむね)達成"];
const AFFIRM = ["達成した", "達成できた", "達成している", "達成しました", "達成となった", "達成することができた", "完了した"];
/** 計画どおり / 予定どおり / スケジュールどおり, judged by what follows (v2). */
const PLAN = "(?:(?:概ね|おおむね)[、,]?)?(?:計画|予定|スケジュール)(?:どおり|通り)";
const ALL_WORDS = "ともに|いずれも|すべて|全て";

const PHRASES = new RegExp(
  [...DENY.map((p) => `(${p})`), ...PARTIAL.map((p) => `(${p})`), ...AFFIRM.map((p) => `(${p})`), `(${PLAN})`, `(${MARK_OPEN}\\d+${MARK_CLOSE})`, `(${ALL_WORDS})`].join("|"),
  "g",
);
const N_DENY = DENY.length;
const N_PARTIAL = PARTIAL.length;
const N_AFFIRM = AFFIRM.length;
const G_PLAN = N_DENY + N_PARTIAL + N_AFFIRM + 1;
const G_MARK = G_PLAN + 1;
const G_ALL = G_MARK + 1;

const PLAN_STALLED = /^に?(?:進まず|進んでいない|進まなかった|進められなかった)/;
const PLAN_VERB = /^[^。]{0,10}?(実施|完了|開始|進捗|達成|策定)/;
const NEGATED = /^(?:することが|が)?(?:できなかった|できていない|できず|されなかった|されていない|せず|しなかった|していない)/;
const FUTURE = /^(?:する|します|していく|していきます|させる|できるよう|予定|見込)/;
/** Markers written together (①②, ①・②, ①及び②, ①と②, ①、②, - 1 - 2) form one group. */
const GROUP_JOIN = /^(?:[\s・、,]|と|及び|および|並びに|ならびに|-)*$/;

const RANK: Record<Claim, number> = { none: 0, affirm: 1, partial: 2, deny: 3 };

/** What a 計画どおり-type phrase claims, from the words after it; null: no claim (a plan, or no verb). */
function planClaim(phrase: string, rest: string): Claim | null {
  const mostly = /^(?:概ね|おおむね)/.test(phrase);
  if (PLAN_STALLED.test(rest)) return "deny";
  const verb = PLAN_VERB.exec(rest);
  if (!verb) return mostly ? "partial" : null;
  const after = rest.slice(verb[0].length);
  if (NEGATED.test(after)) return "deny";
  if (FUTURE.test(after)) return null;
  return mostly ? "partial" : "affirm";
}

const DENY_ENDINGS = ["には至らなかった", "に至らなかった", "に至っていない", "できなかった", "できていない", "未了", "未実施", "見送った", "延期した", "中止した", "断念した"];
const OWN_AFFIRM = /^(?:[をがは]\s*)?(?:した|できた|完了|済み|済|終えた)/;
const PARTICLES = new Set([..." \t\u3000\nのをがは"].map((c) => c.charCodeAt(0)));

/** A text with spaces and the particles の, を, が, は removed, and where each kept character was. */
function squeeze(text: string): { s: string; at: number[] } {
  let s = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (PARTICLES.has(text.charCodeAt(i))) continue;
    s += text[i];
    at.push(i);
  }
  return { s, at };
}

/** The forms of a qualitative target that a sentence may repeat: the whole text, its last phrase of four or more characters. */
function ownKeys(target: string): string[] {
  // Punctuation around the target is no part of its words: sentences are split at 。 and never hold it.
  const whole = squeeze(target.replace(/^[\s、,。]+|[\s、,。]+$/g, "")).s;
  const keys = whole.length >= 2 ? [whole] : [];
  const pieces = target.split(/[\s、,。]+/).filter(Boolean);
  const last = pieces.length > 1 ? squeeze(pieces[pieces.length - 1]).s : "";
  if (last.length >= 4 && last !== whole) keys.push(last);
  return keys;
}

const NO_OWN: readonly OwnClaim[] = [];

interface OwnClaim {
  id: string;
  claim: Claim;
  start: number;
  end: number;
}

/** Claims about a qualitative target's own words (v2 §5), within one sentence. */
function ownWordClaims(sentence: string, targets: ReadonlyMap<string, string[]>): OwnClaim[] {
  const out: OwnClaim[] = [];
  if (targets.size === 0) return out;
  let sq: { s: string; at: number[] } | null = null;
  const body = sentence.replace(/[\s]+$/, "");
  for (const [id, keys] of targets) {
    for (const key of keys) {
      // Cheap test first: the key's first and last characters must both be in the sentence.
      if (sentence.indexOf(key[0]) < 0 || sentence.indexOf(key[key.length - 1]) < 0) continue;
      sq ??= squeeze(sentence);
      const idx = sq.s.indexOf(key);
      if (idx < 0) continue;
      const start = sq.at[idx];
      const end = sq.at[idx + key.length - 1] + 1;
      const rest = body.slice(end);
      let claim: Claim | null = null;
      for (const e of DENY_ENDINGS) if (rest.endsWith(e) && rest.length - e.length <= 15) claim = "deny";
      if (claim === null && OWN_AFFIRM.test(rest)) claim = "affirm";
      if (claim !== null) {
        out.push({ id, claim, start, end: body.length });
        break;
      }
    }
  }
  return out;
}

/** A claim phrase found, with the KPIs it covers (for the evidence). */
export interface ClaimHit {
  claim: Claim;
  /** Offsets in the parse text. */
  start: number;
  end: number;
  ids: string[];
}

/**
 * The claim per KPI id. A claim covers the last marker group before it in its sentence (all groups
 * with ともに/いずれも/すべて), or every KPI when no marker precedes it. `qualitative` maps the ids of
 * qualitative KPIs to their target text, for claims about the target's own words.
 */
export function findClaims(parseText: string, kpiIds: readonly string[], qualitative: ReadonlyMap<string, string> = new Map(), hits?: ClaimHit[]): Map<string, Claim> {
  const claims = new Map<string, Claim>(kpiIds.map((id) => [id, "none"]));
  const raise = (id: string, c: Claim): void => {
    const cur = claims.get(id);
    if (cur !== undefined && RANK[c] > RANK[cur]) claims.set(id, c);
  };
  const keys = new Map<string, string[]>();
  for (const [id, text] of qualitative) {
    const k = ownKeys(text);
    if (k.length > 0) keys.set(id, k);
  }
  let base = 0;
  for (const sentence of parseText.split(/[。！？!?\n]/)) {
    const sentenceStart = base;
    base += sentence.length + 1;
    const own = keys.size > 0 ? ownWordClaims(sentence, keys) : NO_OWN;
    for (const o of own) {
      raise(o.id, o.claim);
      hits?.push({ claim: o.claim, start: sentenceStart + o.start, end: sentenceStart + o.end, ids: [o.id] });
    }
    // Every claim phrase holds 達成, 完了 or どおり/通り: other sentences need no matching.
    if (sentence.indexOf("達成") < 0 && sentence.indexOf("完了") < 0 && sentence.indexOf("どおり") < 0 && sentence.indexOf("通り") < 0) continue;
    let groups: string[][] = [];
    let lastMarkerEnd = -1;
    let all = false;
    PHRASES.lastIndex = 0;
    for (let m = PHRASES.exec(sentence); m !== null; m = PHRASES.exec(sentence)) {
      let idx = 1;
      while (idx < m.length && m[idx] === undefined) idx++;
      const at = m.index;
      if (idx === G_MARK) {
        const id = m[0].slice(1, -1);
        if (groups.length > 0 && GROUP_JOIN.test(sentence.slice(lastMarkerEnd, at))) groups[groups.length - 1].push(id);
        else groups.push([id]);
        lastMarkerEnd = at + m[0].length;
        continue;
      }
      if (idx === G_ALL) {
        all = true;
        continue;
      }
      let claim: Claim | null;
      let end = at + m[0].length;
      if (idx === G_PLAN) {
        const rest = sentence.slice(end);
        claim = planClaim(m[0], rest);
        const verb = PLAN_VERB.exec(rest);
        if (verb) end += verb[0].length;
      } else claim = idx <= N_DENY ? "deny" : idx <= N_DENY + N_PARTIAL ? "partial" : "affirm";
      if (claim === null) continue;
      if (own.some((o) => at < o.end && end > o.start)) {
        groups = [];
        all = false;
        continue; // the claim phrase that ends an own-words claim covers that KPI only
      }
      const covered = groups.length === 0 ? kpiIds : all ? groups.flat() : groups[groups.length - 1];
      for (const id of covered) raise(id, claim);
      hits?.push({ claim, start: sentenceStart + at, end: sentenceStart + end, ids: [...covered] });
      groups = [];
      all = false;
    }
  }
  return claims;
}
