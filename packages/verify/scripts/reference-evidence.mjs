// A test-only reference builder of evidence packages (contract §1–§4), written apart from the
// verifier's code: its own canonical JSON, the RFC 9162 tree as the RFC's recursive definitions,
// the provider map by sorting and counting, Ed25519 signatures with @noble/curves. Tests and
// scripts/make-fixture-evidence.mjs build packages with it; the verifier must accept what it makes
// and refuse every change to it. Plain JS so the fixture script runs it without a build.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

const ZERO = '0'.repeat(64);
const hex = (bytes) => bytesToHex(bytes);
const sha = (text) => hex(sha256(utf8ToBytes(text)));
const b64 = (bytes) => Buffer.from(bytes).toString('base64');

/** JSON with every object's keys sorted (the server's canonicalJson). */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// RFC 9162 §2.1, recursively, over leaf data (Uint8Array).
const leaf = (d) => sha256(new Uint8Array([0, ...d]));
const node = (l, r) => sha256(new Uint8Array([1, ...l, ...r]));
const k = (n) => 2 ** Math.ceil(Math.log2(n) - 1);
function mth(d) {
  if (d.length === 0) return sha256(new Uint8Array(0));
  if (d.length === 1) return leaf(d[0]);
  return node(mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
}
function path(m, d) {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m, d, b) {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s
    ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}
const consistency = (m, d) => (m === 0 || m === d.length ? [] : subproof(m, d, true));

/** A key pair from a label: the seed is SHA-256 of the label (reproducible; not a real key). */
export function keyFromLabel(label) {
  const secretKey = sha256(utf8ToBytes(label));
  return { secretKey, publicKey: b64(ed25519.getPublicKey(secretKey)) };
}
const signText = (key, text) => b64(ed25519.sign(utf8ToBytes(text), key.secretKey));

export class ReferenceLedger {
  constructor(entries = []) {
    this.entries = entries;
  }

  /**
   * Appends an entry: `providerId` (or null), optional kind, sequence (default: the next), basis, recordedAt.
   * @param {{ providerId?: string | null, kind?: string, sequence?: number, basis?: Record<string, unknown> | null, payloadHash?: string, recordedAt?: string }} [spec]
   */
  append({ providerId = null, kind = 'DECISION', sequence, basis = null, payloadHash, recordedAt } = {}) {
    const last = this.entries.at(-1);
    const seq = sequence ?? (last ? last.content.sequence + 1 : 1);
    const content = {
      sequence: seq,
      id: `0193a1b2-0000-7000-8000-${String(seq).padStart(12, '0')}`,
      recordedAt: recordedAt ?? new Date(Date.UTC(2026, 10, 1, 9, 0, 0) + seq * 1000).toISOString(),
      kind,
      actor: 'system',
      providerId,
      purposeKey: providerId === null ? null : 'journal-delivery',
      recipientId: null,
      categories: providerId === null ? [] : ['NAME'],
      outcome: kind === 'DECISION' ? 'ALLOWED' : 'RECORDED',
      basis,
      policyVersion: 3,
      subjectRef: null,
      payloadHash: payloadHash ?? sha(`payload ${seq}`),
    };
    const prevHash = last ? last.hash : ZERO;
    const entry = {
      leafIndex: this.entries.length,
      prevHash,
      content,
      hash: sha(`${prevHash}\n${canonical(content)}`),
    };
    this.entries.push(entry);
    return entry;
  }

  /** The ledger as an older backup of its first `size` entries holds it. */
  backup(size) {
    return new ReferenceLedger(this.entries.slice(0, size).map((e) => structuredClone(e)));
  }

  /**
   * After restoring this (older) ledger while the anchor was at `anchor` (the lost ledger's last
   * entry): the RESTORE entry recording the loss, and its signed statement (server: recordRestoreGap).
   * @param {{ secretKey: Uint8Array }} key
   * @param {{ sequence: number, hash: string }} anchor
   * @param {{ manifestHash?: string, backupCreatedAt?: string, recordedAt?: string }} [options]
   */
  recordRestore(key, anchor, { manifestHash = sha('backup manifest'), backupCreatedAt, recordedAt } = {}) {
    const lostFrom = this.entries.at(-1).content.sequence + 1;
    const lostTo = anchor.sequence;
    const backup = { manifestHash, createdAt: backupCreatedAt ?? '2026-11-15T00:00:00.000Z' };
    const entry = this.append({
      kind: 'RESTORE',
      sequence: lostTo + 1,
      basis: { restore: { lostFrom, lostTo, anchor, backup } },
      payloadHash: manifestHash,
      recordedAt,
    });
    const statement = `steward-ledger-restore/1\n${entry.content.sequence}\n${entry.hash}\n${lostFrom}\n${lostTo}\n${anchor.sequence}:${anchor.hash}\n${manifestHash}`;
    return {
      leafIndex: entry.leafIndex,
      lostFrom,
      lostTo,
      anchor,
      manifestHash,
      restoreSignature: signText(key, statement),
    };
  }

  leaves(size = this.entries.length) {
    return this.entries.slice(0, size).map((e) => hexToBytes(e.hash));
  }

  /** The provider map at `size`: leaves sorted by id, each with its data. */
  providerMap(size = this.entries.length) {
    const states = new Map();
    for (const e of this.entries.slice(0, size)) {
      const id = e.content.providerId;
      if (id === null) continue;
      const s = states.get(id) ?? { providerId: id, entryCount: 0, chainHash: ZERO, lastSequence: 0 };
      s.entryCount += 1;
      s.chainHash = sha(`${s.chainHash}\n${e.hash}`);
      s.lastSequence = e.content.sequence;
      states.set(id, s);
    }
    const sorted = [...states.values()].sort((a, b) =>
      a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0,
    );
    const data = sorted.map((s) =>
      utf8ToBytes(`steward-provider-map/1\n${s.providerId}\n${s.entryCount}\n${s.chainHash}\n${s.lastSequence}`),
    );
    return {
      size: sorted.length,
      root: hex(mth(data)),
      leaf: (i) => ({ ...sorted[i], mapLeafIndex: i, mapProof: path(i, data).map(hex) }),
      indexOf: (id) => sorted.findIndex((s) => s.providerId === id),
      ids: sorted.map((s) => s.providerId),
    };
  }

  /** A signed head at `size`: v2 commits to the provider map, v1 (statement /1) does not. */
  head(key, { size = this.entries.length, timestamp = '2026-12-06T10:00:00.000Z', version = 2 } = {}) {
    const rootHash = hex(mth(this.leaves(size)));
    if (version === 1) {
      const statement = `steward-tree-head/1\n${size}\n${rootHash}\n${timestamp}\n-`;
      return {
        version: 1,
        treeSize: size,
        rootHash,
        timestamp,
        providerMapRoot: '-',
        signature: signText(key, statement),
      };
    }
    const map = this.providerMap(size);
    const statement = `steward-tree-head/2\n${size}\n${rootHash}\n${timestamp}\n${map.size}\n${map.root}`;
    return {
      version: 2,
      treeSize: size,
      rootHash,
      timestamp,
      providerMapSize: map.size,
      providerMapRoot: map.root,
      signature: signText(key, statement),
    };
  }

  withProof(entry, size) {
    return { ...structuredClone(entry), inclusionProof: path(entry.leafIndex, this.leaves(size)).map(hex) };
  }

  /**
   * The evidence package for `providerId` at `size`. `earlier`: { head, ledger? } — the head the
   * provider kept; with `ledger` (the ledger it was signed over, when it is a prefix of this one)
   * a consistency proof is given, else `restores` ({ leafIndex, … } from recordRestore) are.
   */
  evidence(
    key,
    providerId,
    { size = this.entries.length, timestamp, version = 2, earlier = null, restores = [] } = {},
  ) {
    const head = this.head(key, { size, timestamp, version });
    const entries = this.entries
      .slice(0, size)
      .filter((e) => e.content.providerId === providerId)
      .map((e) => this.withProof(e, size));
    const map = this.providerMap(size);
    const at = map.indexOf(providerId);
    let completeness;
    if (at >= 0) {
      const { providerId: _, ...present } = map.leaf(at);
      completeness = { present, absent: null };
    } else {
      const right = map.ids.findIndex((id) => providerId < id);
      const r = right < 0 ? map.size : right;
      completeness = {
        present: null,
        absent: { left: r > 0 ? map.leaf(r - 1) : null, right: r < map.size ? map.leaf(r) : null },
      };
    }
    const consistent = earlier?.ledger ? consistency(earlier.head.treeSize, this.leaves(size)).map(hex) : null;
    return {
      format: 'steward-evidence/1',
      head,
      publicKey: key.publicKey,
      providerId,
      entries,
      completeness,
      earlierHead: earlier?.head ?? null,
      consistencyProof: consistent,
      restores:
        earlier && !earlier.ledger
          ? restores.map(({ leafIndex, ...r }) => ({ entry: this.withProof(this.entries[leafIndex], size), ...r }))
          : [],
    };
  }
}
