import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import ja from './locales/ja.json';

// A missing translation fails the build: both bundles hold the same keys, none empty, and every
// key the screens ask for exists.

function keys(bundle: object, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function value(bundle: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const here = new URL('.', import.meta.url).pathname;
const code = sources(here).map((f) => readFileSync(f, 'utf8')).join('\n');

describe('message bundles', () => {
  it('have the same keys in Japanese and English', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it('have no empty message', () => {
    for (const [name, bundle] of [['ja', ja], ['en', en]] as const) {
      for (const key of keys(bundle)) expect(String(value(bundle, key)).trim(), `${name}: ${key}`).not.toBe('');
    }
  });

  it('hold every key the screens use', () => {
    const literal = [...code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]);
    const listed = [...code.matchAll(/key: '([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]);
    expect(literal.length).toBeGreaterThan(100);
    for (const key of [...literal, ...listed]) {
      expect(value(ja, key), `ja: ${key}`).toBeTypeOf('string');
      expect(value(en, key), `en: ${key}`).toBeTypeOf('string');
    }
  });

  it('name every value of the enumerations the screens translate', () => {
    const enums: Record<string, string[]> = {
      role: ['admin', 'operator', 'auditor'],
      nodeRole: ['UNKNOWN', 'INIT', 'MASTER', 'BACKUP', 'STANDALONE', 'FAULT'],
      clientAuth: ['NONE', 'OPTIONAL', 'REQUIRED'],
      revocation: ['NONE', 'OCSP', 'CRL', 'BOTH'],
      noAia: ['REJECT', 'ACCEPT'],
      band: ['all', 'expired', 'within15', 'within30', 'within60', 'later'],
      audit: ['actor', 'objectType', 'action', 'from', 'to'],
    };
    for (const [prefix, values] of Object.entries(enums)) {
      for (const v of values) {
        expect(value(ja, `${prefix}.${v}`), `ja: ${prefix}.${v}`).toBeTypeOf('string');
        expect(value(en, `${prefix}.${v}`), `en: ${prefix}.${v}`).toBeTypeOf('string');
      }
    }
  });

  it('use the appliance manual\'s words in Japanese', () => {
    const text = JSON.stringify(ja);
    for (const word of ['仮想サーバー', '実サーバー', 'クライアント認証', 'クライアント証明書失効確認', '失効確認しない', 'マスター', 'バックアップ', 'サーバー証明書', '監査ログ']) {
      expect(text).toContain(word);
    }
  });
});
