/**
 * What a reader sees: every failure and the summary, in English and Japanese. Plain functions
 * rather than a message-format library, to keep the verifier to its two audited dependencies.
 */
import type { MerkleFailure } from './merkle.js';
import type { EntryRef, PackageFailure, PackageResult, Part, Problem, Warning } from './package.js';

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
  HEAD_HAS_NO_MAP: {
    en: () =>
      'it is a version 1 head, which commits to no provider map: it can prove the entries are in the ledger, not that they are all the entries about you (ask for evidence under a version 2 head)',
    ja: () =>
      'バージョン 1 のヘッドで、本人ごとの一覧を含みません。記録が台帳にあることは証明できますが、あなたについての記録がこれですべてであることは証明できません（バージョン 2 のヘッドによる証拠を求めてください）',
  },
  NOT_ABOUT_PROVIDER: {
    en: (p) =>
      `it is about ${p.providerId === null ? 'no provider' : `another provider (${p.providerId})`}, not the one this evidence is for`,
    ja: (p) =>
      `この証拠の対象の本人ではなく、${p.providerId === null ? '特定の本人に関しない' : `別の本人（${p.providerId}）`}の記録です`,
  },
  INCOMPLETE: {
    en: (p) => {
      switch (p.cause) {
        case 'COUNT': {
          const diff = Math.abs(p.found! - p.recorded);
          const what = p.found! < p.recorded ? `${count(diff)} missing` : `${count(diff)} added`;
          return `the package shows ${count(p.found!)} entries about you, but the signed provider map records ${count(p.recorded)}: ${what}`;
        }
        case 'ORDER':
          return `entry ${p.position} is out of sequence order: the entries were reordered, so their chain is not the one the signed provider map records`;
        case 'CHAIN':
          return 'their number matches the signed provider map, but their chain does not: an entry was left out and another put in its place';
        case 'LAST_SEQUENCE':
          return `the last entry's sequence is ${p.found === null ? 'none' : count(p.found)}, but the signed provider map records ${count(p.recorded)}`;
      }
    },
    ja: (p) => {
      switch (p.cause) {
        case 'COUNT': {
          const diff = Math.abs(p.found! - p.recorded);
          const what =
            p.found! < p.recorded ? `${count(diff)} 件が欠けています` : `${count(diff)} 件が余分に加えられています`;
          return `パッケージにはあなたについての記録が ${count(p.found!)} 件ありますが、署名された本人ごとの一覧には ${count(p.recorded)} 件と記録されています。${what}`;
        }
        case 'ORDER':
          return `記録 ${p.position} が連番の順に並んでいません。順序が入れ替えられており、記録の連鎖が署名された本人ごとの一覧と一致しません`;
        case 'CHAIN':
          return '件数は署名された本人ごとの一覧と一致しますが、記録の連鎖が一致しません。記録が抜かれ、別の記録に差し替えられています';
        case 'LAST_SEQUENCE':
          return `最後の記録の連番が ${p.found === null ? 'ありません' : count(p.found)} ですが、署名された本人ごとの一覧には ${count(p.recorded)} と記録されています`;
      }
    },
  },
  MAP_PROOF_FAILED: {
    en: (p) =>
      `the proof of ${LEAF_EN[p.leaf]} in the provider map does not lead to the map root the head signs (${explainFailure(p.cause, 'en')})`,
    ja: (p) =>
      `本人ごとの一覧での${LEAF_JA[p.leaf]}の証明が、ヘッドの署名する一覧の根に届きません（${explainFailure(p.cause, 'ja')}）`,
  },
  ABSENCE_NOT_PROVEN: {
    en: (p) =>
      ({
        NOT_BRACKETING:
          'the neighbouring providers given do not sort on either side of your id, so they cannot show you are absent',
        NOT_ADJACENT:
          'the two neighbouring providers given are not next to each other in the provider map: another provider, possibly you, lies between them',
        NOT_AT_EDGE:
          'the neighbour given is not at the end of the provider map: providers beyond it, possibly you, are not accounted for',
        EMPTY_MAP_ROOT: "the head signs an empty provider map under a root that is not an empty tree's",
      })[p.cause],
    ja: (p) =>
      ({
        NOT_BRACKETING: '示された隣の本人の ID があなたの ID を前後から挟んでいないため、記録がないことを示せません',
        NOT_ADJACENT:
          '示された二つの隣の葉が本人ごとの一覧で隣り合っていません。間に別の本人（あなたかもしれません）があります',
        NOT_AT_EDGE:
          '示された隣の葉が本人ごとの一覧の端ではありません。その先の本人（あなたかもしれません）が確かめられていません',
        EMPTY_MAP_ROOT: 'ヘッドは空の本人ごとの一覧に署名していますが、その根が空の木の根ではありません',
      })[p.cause],
  },
  RESTORE_NOT_PROVEN: {
    en: (p) =>
      ({
        NOT_A_RESTORE: 'it is not a RESTORE entry',
        STATEMENT_MISMATCH: 'the lost range, anchor or backup stated for it are not the ones its entry records',
        SIGNATURE:
          "its restore signature does not verify: the ledger's key did not sign this restore, so it explains nothing",
        BEFORE_EARLIER_HEAD:
          'it was recorded before your earlier head was signed, so it cannot explain why that head is not consistent',
      })[p.cause],
    ja: (p) =>
      ({
        NOT_A_RESTORE: 'RESTORE の記録ではありません',
        STATEMENT_MISMATCH: '示された失われた範囲・アンカー・バックアップが、記録に書かれたものと異なります',
        SIGNATURE: '復元の署名を検証できません。台帳の鍵による署名ではないため、何の説明にもなりません',
        BEFORE_EARLIER_HEAD: '以前のヘッドの署名より前に記録されたため、そのヘッドと整合しない理由になりません',
      })[p.cause],
  },
  INCONSISTENT: {
    en: (p) => `not proven: ${explainFailure(p.cause, 'en')}`,
    ja: (p) => `証明できません。${explainFailure(p.cause, 'ja')}`,
  },
};

const LEAF_EN = { present: 'your leaf', left: 'the left neighbour', right: 'the right neighbour' } as const;
const LEAF_JA = { present: 'あなたの葉', left: '左隣の葉', right: '右隣の葉' } as const;

const entryName: Words<EntryRef> = {
  en: (e) =>
    `Entry ${e.position}` +
    (e.sequence === null ? '' : ` (sequence ${e.sequence}${e.id === null ? '' : `, id ${e.id}`})`),
  ja: (e) =>
    `記録 ${e.position}` + (e.sequence === null ? '' : `（連番 ${e.sequence}${e.id === null ? '' : `、ID ${e.id}`}）`),
};

const restoreName: Words<EntryRef> = {
  en: (e) => `Restore ${e.position}` + (e.sequence === null ? '' : ` (RESTORE entry, sequence ${count(e.sequence)})`),
  ja: (e) => `復元 ${e.position}` + (e.sequence === null ? '' : `（RESTORE 記録、連番 ${count(e.sequence)}）`),
};

const PARTS: Record<Exclude<Part, 'entry'>, Record<Language, string>> = {
  package: { en: 'The package', ja: 'パッケージ' },
  completeness: { en: 'Completeness', ja: '網羅性' },
  restore: { en: 'A restore', ja: '復元' },
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
    ? (problem.part === 'restore' ? restoreName : entryName)[language](problem.entry)
    : PARTS[problem.part as Exclude<Part, 'entry'>][language];
  return language === 'ja'
    ? `${where}：${explainFailure(problem, 'ja')}。`
    : `${where}: ${explainFailure(problem, 'en')}.`;
}

/** 2026-12-06T10:00:00.000Z → 2026-12-06T10:00Z: as much of the signed time as says something. */
export function shortTimestamp(iso: string): string {
  return iso.replace(/\.000Z$/, 'Z').replace(/:00Z$/, 'Z');
}

/** Why a warning keeps the result from ok, and what the ledger records about it. */
export function explainWarning(warning: Warning, language: Language): string {
  const t = shortTimestamp;
  if (language === 'ja') {
    const restores = warning.restores
      .map(
        (r) =>
          `${t(r.recordedAt)} に記録された復元（RESTORE 記録、連番 ${count(r.sequence)}）により、連番 ${count(r.lostFrom)}〜${count(r.lostTo)} の記録が失われました` +
          (r.backupCreatedAt ? `（復元したバックアップは ${t(r.backupCreatedAt)} のもの）` : ''),
      )
      .join('。');
    return `お手元の以前のヘッド（大きさ ${count(warning.earlierTreeSize)}、${t(warning.earlierTimestamp)} に署名）は現在の台帳と整合しませんが、その理由は台帳に署名付きで記録されています：${restores}。改ざんの証拠ではなく組織が署名した消失の記録ですが、その範囲の記録は台帳から失われています。`;
  }
  const restores = warning.restores
    .map(
      (r) =>
        `a restore recorded ${t(r.recordedAt)} (RESTORE entry, sequence ${count(r.sequence)}) lost entries ${count(r.lostFrom)}–${count(r.lostTo)}` +
        (r.backupCreatedAt ? ` (it restored a backup made ${t(r.backupCreatedAt)})` : ''),
    )
    .join('; ');
  return `Your earlier head (size ${count(warning.earlierTreeSize)}, signed ${t(warning.earlierTimestamp)}) is not consistent with this ledger, and the ledger records why, signed: ${restores}. This is the organisation's signed account of a loss, not evidence of tampering, but the entries in that range are gone from the ledger.`;
}

/** The one line saying what was proven. */
function provenLine(result: PackageResult, language: Language, withEarlier: boolean): string {
  const ja = language === 'ja';
  const head = result.head!;
  const n = result.entries.length;
  const size = count(head.treeSize);
  const at = shortTimestamp(head.timestamp);
  const earlier = withEarlier && result.consistent && result.earlierHead ? result.earlierHead : null;
  const tail = ja
    ? earlier
      ? `。お手元の以前のヘッド（大きさ ${count(earlier.treeSize)}）とも整合しています。`
      : '。'
    : earlier
      ? `; consistent with your earlier head of size ${count(earlier.treeSize)}.`
      : '.';
  if (result.format === 'proof') {
    return ja
      ? `${n} 件の記録が、${at} に署名された台帳（大きさ ${size}）に含まれることを証明しました${tail}`
      : `${n} ${n === 1 ? 'entry' : 'entries'} proven included in the ledger of size ${size} signed ${at}${tail}`;
  }
  if (result.completeness?.absent) {
    return ja
      ? `${at} に署名された台帳（大きさ ${size}）に、あなたについての記録が一件もないことを証明しました${tail}`
      : `No entries about you: proven absent from the ledger of size ${size} signed ${at}${tail}`;
  }
  return ja
    ? `${n} 件の記録が、${at} に署名された台帳（大きさ ${size}）に含まれ、あなたについての記録がこれですべてであることを証明しました${tail}`
    : `${n} ${n === 1 ? 'entry' : 'entries'} proven included and complete in the ledger of size ${size} signed ${at}${tail}`;
}

/**
 * The reader's summary: on success one line (plus what is not proven); with a warning (a recorded
 * restore) the warning, then what did verify; else one line per problem.
 */
export function summarize(result: PackageResult, language: Language): string[] {
  const ja = language === 'ja';
  if (result.status === 'failed' || !result.head) {
    const n = result.problems.length;
    const title = ja
      ? `検証できませんでした（問題 ${n} 件）。`
      : `NOT VERIFIED: ${n} ${n === 1 ? 'problem' : 'problems'}.`;
    return [title, ...result.problems.map((p) => `- ${explainProblem(p, language)}`)];
  }
  const lines: string[] = [];
  if (result.status === 'restored') {
    lines.push(
      ja
        ? '検証できませんでした：以前のヘッドとの間で、古いバックアップからの復元が記録されています（改ざんとは区別されます）。'
        : 'NOT VERIFIED: a restore from an older backup is recorded between your earlier head and this one (told apart from tampering).',
      ...result.warnings.map((w) => `- ${explainWarning(w, language)}`),
      (ja ? 'それ以外は確認できました：' : 'What did verify: ') + provenLine(result, language, false),
    );
  } else lines.push(provenLine(result, language, true));
  if (!result.keyPinned) {
    lines.push(
      ja
        ? `署名の鍵はパッケージに記載のもの（${result.publicKey}）です。組織が公表している鍵と同じか確かめてください。`
        : `Signed with the key the package names (${result.publicKey}): check it is the key the organisation publishes.`,
    );
  }
  if (result.format === 'proof') {
    lines.push(
      ja
        ? 'この形式のパッケージは、これらの記録が台帳にあることは証明しますが、あなたに関する記録がこれで全部であることは証明しません。'
        : 'This kind of package proves these entries are in the ledger, not that they are all the entries about you.',
    );
  }
  return lines;
}
