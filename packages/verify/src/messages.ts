/**
 * What a reader sees: every failure and the summary, in English and Japanese. Plain functions
 * rather than a message-format library, to keep the verifier to its two audited dependencies.
 */
import type { MerkleFailure } from './merkle.js';
import type { EntryRef, PackageFailure, PackageResult, Part, Problem } from './package.js';

export type Language = 'en' | 'ja';
type Words<T> = { [L in Language]: (p: T) => string };
type ReasonOf<R extends PackageFailure['reason']> = Extract<PackageFailure, { reason: R }>;

const count = (n: number) => n.toLocaleString('en-US');
/** Long hashes cut to what a person compares by eye; `--json` keeps them whole. */
const short = (hash: string) => `${hash.slice(0, 16)}…`;

const WHAT_JA = { leaf: '葉', root: '根', path: '証明' } as const;

const REASONS: { [R in PackageFailure['reason']]: Words<ReasonOf<R>> } = {
  BAD_SIZE: {
    en: (p) => `${p.size} is not a tree size`,
    ja: (p) => `${p.size} は木の大きさとして正しくありません`,
  },
  BAD_HASH_LENGTH: {
    en: (p) => `a hash (${p.what}${p.position === undefined ? '' : ` ${p.position}`}) is not 32 bytes`,
    ja: (p) =>
      `ハッシュ（${WHAT_JA[p.what]}${p.position === undefined ? '' : ` ${p.position}`}）が 32 バイトではありません`,
  },
  INDEX_OUT_OF_RANGE: {
    en: (p) => `leaf ${count(p.index)} lies outside the signed ledger of ${count(p.treeSize)} entries`,
    ja: (p) => `葉 ${count(p.index)} は署名された台帳（${count(p.treeSize)} 件）の範囲外です`,
  },
  PATH_TOO_LONG: {
    en: (p) => `the proof has more hashes (${p.length}) than the tree is high`,
    ja: (p) => `証明のハッシュ（${p.length} 個）が木の高さより多すぎます`,
  },
  PATH_TOO_SHORT: {
    en: (p) => `the proof has too few hashes (${p.length}) to reach the root`,
    ja: (p) => `証明のハッシュ（${p.length} 個）では根まで届きません`,
  },
  ROOT_MISMATCH: {
    en: (p) => `its proof leads to root ${short(p.computed)}, not the signed root: it is not in the signed ledger`,
    ja: (p) => `証明から求めた根 ${short(p.computed)} が署名された根と一致しません。署名された台帳に含まれていません`,
  },
  TREE_SHRANK: {
    en: (p) =>
      `the earlier head (${count(p.size1)}) is larger than the current one (${count(p.size2)}): a ledger only grows`,
    ja: (p) =>
      `以前のヘッド（${count(p.size1)} 件）が現在のヘッド（${count(p.size2)} 件）より大きく、台帳は縮まないはずです`,
  },
  PROOF_NOT_EMPTY: {
    en: (p) => `for these sizes the proof must be empty, but it has ${p.length} hashes`,
    ja: (p) => `この大きさでは証明は空のはずですが、ハッシュが ${p.length} 個あります`,
  },
  PROOF_EMPTY: {
    en: () => 'the proof is empty',
    ja: () => '証明が空です',
  },
  SAME_SIZE_ROOTS_DIFFER: {
    en: () => 'both heads have the same size but different roots: the ledger was rewritten',
    ja: () => '二つのヘッドは大きさが同じなのに根が異なります。台帳が書き換えられています',
  },
  FIRST_ROOT_MISMATCH: {
    en: (p) => `the proof leads to ${short(p.computed)}, not your earlier root: the ledger was rewritten`,
    ja: (p) => `証明から求めた値 ${short(p.computed)} が以前の根と一致しません。台帳が書き換えられています`,
  },
  SECOND_ROOT_MISMATCH: {
    en: (p) => `the proof leads to ${short(p.computed)}, not the current root: the ledger was rewritten`,
    ja: (p) => `証明から求めた値 ${short(p.computed)} が現在の根と一致しません。台帳が書き換えられています`,
  },
  MALFORMED_HEAD: {
    en: (p) => `${p.field} is missing or not in the format`,
    ja: (p) => `${p.field} がないか、形式が正しくありません`,
  },
  BAD_PUBLIC_KEY: {
    en: () => 'the public key is not a raw 32-byte Ed25519 key in base64',
    ja: () => '公開鍵が base64 の 32 バイトの Ed25519 鍵ではありません',
  },
  BAD_SIGNATURE: {
    en: () => 'the signature does not verify: this key did not sign it, or it was changed after signing',
    ja: () => '署名を検証できません。この鍵による署名ではないか、署名後に変更されています',
  },
  MALFORMED_PACKAGE: {
    en: (p) => `${p.field} is missing or not in the format`,
    ja: (p) => `${p.field} がないか、形式が正しくありません`,
  },
  MALFORMED_ENTRY: {
    en: (p) => `missing or not in the format: ${p.fields.join(', ')}`,
    ja: (p) => `次の項目がないか、形式が正しくありません：${p.fields.join('、')}`,
  },
  HASH_MISMATCH: {
    en: (p) =>
      `its content gives hash ${short(p.computed)}, not the stated ${short(p.stated)}: the content was changed`,
    ja: (p) =>
      `内容から求めたハッシュ ${short(p.computed)} が記載の ${short(p.stated)} と一致しません。内容が変更されています`,
  },
  KEY_NOT_TRUSTED: {
    en: () => 'it names a different public key from the one you supplied',
    ja: () => '記載の公開鍵が、指定された鍵と異なります',
  },
  CONSISTENCY_PROOF_MISSING: {
    en: () => 'the package has no consistency proof',
    ja: () => 'パッケージに整合性の証明がありません',
  },
};

const entryName: Words<EntryRef> = {
  en: (e) =>
    `Entry ${e.position}` +
    (e.sequence === null ? '' : ` (sequence ${e.sequence}${e.id === null ? '' : `, id ${e.id}`})`),
  ja: (e) =>
    `記録 ${e.position}` + (e.sequence === null ? '' : `（連番 ${e.sequence}${e.id === null ? '' : `、ID ${e.id}`}）`),
};

const PARTS: Record<Exclude<Part, 'entry'>, Record<Language, string>> = {
  package: { en: 'The package', ja: 'パッケージ' },
  head: { en: 'The signed head', ja: '署名付きヘッド' },
  earlierHead: { en: 'Your earlier head', ja: '以前のヘッド' },
  consistency: { en: 'Consistency with your earlier head', ja: '以前のヘッドとの整合性' },
};

/** Why a Merkle proof failed, in one language. */
export function explainFailure(failure: PackageFailure | MerkleFailure, language: Language): string {
  const words = REASONS[failure.reason] as Words<PackageFailure>;
  return words[language](failure);
}

/** One line naming what failed and why. */
export function explainProblem(problem: Problem, language: Language): string {
  const where = problem.entry
    ? entryName[language](problem.entry)
    : PARTS[problem.part as Exclude<Part, 'entry'>][language];
  return language === 'ja'
    ? `${where}：${explainFailure(problem, 'ja')}。`
    : `${where}: ${explainFailure(problem, 'en')}.`;
}

/** 2026-12-06T10:00:00.000Z → 2026-12-06T10:00Z: as much of the signed time as says something. */
export function shortTimestamp(iso: string): string {
  return iso.replace(/\.000Z$/, 'Z').replace(/:00Z$/, 'Z');
}

/** The reader's summary: one line on success (plus what is not yet proven), else one line per problem. */
export function summarize(result: PackageResult, language: Language): string[] {
  const ja = language === 'ja';
  if (!result.ok || !result.head) {
    const n = result.problems.length;
    const title = ja
      ? `検証できませんでした（問題 ${n} 件）。`
      : `NOT VERIFIED: ${n} ${n === 1 ? 'problem' : 'problems'}.`;
    return [title, ...result.problems.map((p) => `- ${explainProblem(p, language)}`)];
  }
  const head = result.head;
  const n = result.entries.length;
  const earlier = result.consistent && result.earlierHead ? result.earlierHead : null;
  const lines = [
    ja
      ? `${n} 件の記録が、${shortTimestamp(head.timestamp)} に署名された台帳（大きさ ${count(head.treeSize)}）に含まれることを証明しました` +
        (earlier ? `。お手元の以前のヘッド（大きさ ${count(earlier.treeSize)}）とも整合しています。` : '。')
      : `${n} ${n === 1 ? 'entry' : 'entries'} proven included in the ledger of size ${count(head.treeSize)} signed ${shortTimestamp(head.timestamp)}` +
        (earlier ? `; consistent with your earlier head of size ${count(earlier.treeSize)}.` : '.'),
  ];
  if (!result.keyPinned) {
    lines.push(
      ja
        ? `署名の鍵はパッケージに記載のもの（${result.publicKey}）です。組織が公表している鍵と同じか確かめてください。`
        : `Signed with the key the package names (${result.publicKey}): check it is the key the organisation publishes.`,
    );
  }
  if (head.providerMapRoot === null) {
    lines.push(
      ja
        ? 'このヘッドは本人ごとの一覧を含まないため、これらの記録が台帳にあることは証明しますが、本人に関する記録がこれで全部であることは証明しません。'
        : 'This head commits to no per-provider map yet: it proves these entries are in the ledger, not that they are all the entries about you.',
    );
  }
  return lines;
}
