import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './safe-next.js';

describe('safeNextPath', () => {
  it('follows same-origin paths', () => {
    expect(safeNextPath('/providers/p1?tab=consents')).toBe('/providers/p1?tab=consents');
  });
  it('falls back for missing, external or looping targets', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath('/a\nb')).toBe('/');
    expect(safeNextPath('javascript:alert(1)', '/home')).toBe('/home');
  });
});

describe('loginPathFor', () => {
  it('remembers where the admin was', () => {
    expect(loginPathFor('/providers/p1', '?x=1')).toBe('/login?next=%2Fproviders%2Fp1%3Fx%3D1');
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('/login', '?next=/a')).toBe('/login');
  });
});
