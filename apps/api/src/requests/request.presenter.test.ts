import { describe, expect, it } from 'vitest';
import { presentActors } from './request.presenter.js';

describe('presentActors (the disclosure package says who acted)', () => {
  const officer = { id: '0190a2b4-0000-7000-8000-000000000001', displayName: 'Aiko Tanaka', role: 'PRIVACY_OFFICER' };
  const key = { id: '0190a2b4-0000-7000-8000-000000000002', recipientName: 'Yamato Courier' };
  const systemKey = { id: '0190a2b4-0000-7000-8000-000000000003', systemName: 'Membership database' };

  it('describes staff by name and role, a partner key by its recipient, and Steward itself', () => {
    const refs = [`partner:${key.id}`, 'system', `admin:${officer.id}`];
    expect(presentActors(refs, { admins: [officer], partnerKeys: [key], systemKeys: [] }, 'en')).toEqual([
      { ref: `admin:${officer.id}`, description: 'Aiko Tanaka (staff, Privacy officer)' },
      { ref: `partner:${key.id}`, description: "Yamato Courier (the recipient's system, with a partner key)" },
      { ref: 'system', description: 'Steward, recording automatically' },
    ]);
  });

  it('lists a reference it cannot resolve as unknown, never drops it', () => {
    const gone = 'admin:0190a2b4-0000-7000-8000-00000000dead';
    expect(
      presentActors([gone, 'partner:not-a-uuid'], { admins: [officer], partnerKeys: [], systemKeys: [] }, 'en'),
    ).toEqual([
      { ref: gone, description: 'Unknown (no longer on record)' },
      { ref: 'partner:not-a-uuid', description: 'Unknown (no longer on record)' },
    ]);
  });

  it("describes an internal system's key by the system's name, apart from Steward's own `system`", () => {
    const gone = 'system:0190a2b4-0000-7000-8000-00000000dead';
    const refs = ['system', `system:${systemKey.id}`, gone, `partner:${key.id}`];
    expect(presentActors(refs, { admins: [], partnerKeys: [key], systemKeys: [systemKey] }, 'en')).toEqual([
      { ref: `partner:${key.id}`, description: "Yamato Courier (the recipient's system, with a partner key)" },
      { ref: 'system', description: 'Steward, recording automatically' },
      { ref: `system:${systemKey.id}`, description: 'Internal system Membership database' },
      { ref: gone, description: 'Unknown (no longer on record)' },
    ]);
  });

  it("names them in the provider's language: 事務局 and the role in Japanese, never the reference", () => {
    const sato = { ...officer, displayName: '佐藤 花子' };
    const refs = [`admin:${sato.id}`, `system:${systemKey.id}`, `partner:${key.id}`, 'system', 'admin:gone'];
    expect(
      presentActors(refs, { admins: [sato], partnerKeys: [key], systemKeys: [systemKey] }, 'ja').map(
        (a) => a.description,
      ),
    ).toEqual([
      '事務局 佐藤 花子（個人情報保護管理者）',
      '不明（記録が残っていません）',
      'Yamato Courier（提供先のシステム、連携キーによる）',
      'Steward による自動記録',
      '内部システム Membership database',
    ]);
  });
});
