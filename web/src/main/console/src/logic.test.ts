import { describe, expect, it } from 'vitest';
import { base64, uploadBody, subjectAltNames } from './certificateUpload';
import { curlCommand, enrollCommand, serverAddress, shellQuote } from './commands';
import { expiryBand, formatDateTime } from './format';
import { initialLanguage } from './i18n';
import { fieldOfProblem, NOTIFICATION_FIELDS, VIRTUAL_SERVER_FIELDS } from './problems';
import { parseRecipients, recipientsText } from './recipients';

describe('the field a server problem concerns', () => {
  it('is the most specific phrase found', () => {
    expect(fieldOfProblem("bind port 70000 is out of range 1-65535", VIRTUAL_SERVER_FIELDS)).toBe('bindPort');
    expect(fieldOfProblem("target address 'x y' is not an IP address", VIRTUAL_SERVER_FIELDS)).toBe('targetAddress');
    expect(fieldOfProblem('a virtual server needs a certificate (certificateId)', VIRTUAL_SERVER_FIELDS)).toBe('certificateId');
  });
  it('is none when the message names no field', () => {
    expect(fieldOfProblem('changed by someone else', VIRTUAL_SERVER_FIELDS)).toBeNull();
  });
});

describe('dates', () => {
  it('are shown in the given time zone with its offset', () => {
    expect(formatDateTime('2026-12-03T00:30:00Z', 'ja', 'Asia/Tokyo')).toBe('2026-12-03 09:30:00 (UTC+09:00)');
    expect(formatDateTime('2026-12-03T00:30:00Z', 'en', 'UTC')).toBe('2026-12-03 00:30:00 (UTC+00:00)');
  });
  it('show a dash when missing', () => {
    expect(formatDateTime(null, 'en')).toBe('—');
  });
});

describe('expiry bands', () => {
  it('follow the 15/30/60-day schedule', () => {
    expect(expiryBand(-1, true)).toBe('expired');
    expect(expiryBand(0, false)).toBe('within15');
    expect(expiryBand(15, false)).toBe('within15');
    expect(expiryBand(16, false)).toBe('within30');
    expect(expiryBand(60, false)).toBe('within60');
    expect(expiryBand(61, false)).toBe('later');
  });
});

describe('language', () => {
  it('is the remembered choice first, then the browser\'s, then Japanese', () => {
    expect(initialLanguage('en', ['ja-JP'])).toBe('en');
    expect(initialLanguage(null, ['fr-FR', 'en-US'])).toBe('en');
    expect(initialLanguage(null, ['ja'])).toBe('ja');
    expect(initialLanguage(null, ['de'])).toBe('ja');
    expect(initialLanguage('xx', [])).toBe('ja');
  });
});

describe('commands to copy', () => {
  it('an enrollment over HTTPS names the CA the node must trust', () => {
    expect(enrollCommand('https://mgmt.example:8443/', 'zge1.abc')).toBe(
      'java -jar zengate-gateway.jar enroll --server https://mgmt.example:8443/ --server-ca management-ca.crt --token zge1.abc --state-dir /var/lib/zengate',
    );
  });
  it('enroll a node against the console\'s own server address', () => {
    const server = serverAddress('http://127.0.0.1:8080/pairs/3');
    expect(server).toBe('http://127.0.0.1:8080/pairs/3');
    expect(enrollCommand(serverAddress('http://127.0.0.1:8080/'), 'zge1.abc')).toBe(
      'java -jar zengate-gateway.jar enroll --server http://127.0.0.1:8080/ --token zge1.abc --state-dir /var/lib/zengate',
    );
  });
  it('quote JSON bodies safely for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    const curl = curlCommand('PUT', 'http://h/api/pairs/1', { site: "O'Hare" }, 'W/"3"');
    expect(curl).toContain(`-d '{"site":"O'\\''Hare"}'`);
    expect(curl).toContain(`-H 'If-Match: W/"3"'`);
    expect(curl).toContain('-X PUT');
  });
});

describe('certificate upload', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const key = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
  it('splits a PEM file holding certificate and key', () => {
    const body = uploadBody({ name: 'server.pem', bytes: bytes(cert + key) }, null, '');
    expect(body.certificates).toBe(cert);
    expect(body.privateKey).toBe(key);
    expect(body.passphrase).toBeUndefined();
  });
  it('sends DER and PKCS#12 as base64, with the passphrase', () => {
    const der = new Uint8Array([0x30, 0x82, 0x01, 0xff]);
    expect(uploadBody({ name: 'ca.der', bytes: der }, null, '').certificates).toBe(base64(der));
    const p12 = uploadBody({ name: 'client.P12', bytes: der }, null, 'secret');
    expect(p12).toEqual({ pkcs12: 'MIIB/w==', passphrase: 'secret' });
  });
});

describe('subject alternative names', () => {
  it('are prefixed DNS: or IP: as the API takes them', () => {
    expect(subjectAltNames('gw.example.jp, 192.0.2.10, 2001:db8::1, DNS:a.example, ')).toEqual([
      'DNS:gw.example.jp', 'IP:192.0.2.10', 'IP:2001:db8::1', 'DNS:a.example',
    ]);
  });
});

describe('notification recipients', () => {
  it('reads one recipient a line, Japanese unless "en" follows the address', () => {
    expect(parseRecipients(' ops@bank.example \n\nit@bank.example en\n')).toEqual([
      { address: 'ops@bank.example', language: 'ja' },
      { address: 'it@bank.example', language: 'en' },
    ]);
  });
  it('writes them back the same way', () => {
    expect(recipientsText([{ address: 'ops@bank.example', language: 'ja' }, { address: 'it@bank.example', language: 'en' }])).toBe('ops@bank.example\nit@bank.example en');
  });
  it('finds the field a server message names first', () => {
    expect(fieldOfProblem("webhookUrl: 'http://x.example/' must use https", NOTIFICATION_FIELDS)).toBe('webhookUrl');
    expect(fieldOfProblem("emailRecipients[1]: 'x' is not an e-mail address", NOTIFICATION_FIELDS)).toBe('emailRecipients');
  });
});
