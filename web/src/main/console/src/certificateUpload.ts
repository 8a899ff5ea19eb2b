// Turns the files an operator picks into the API's import body (CertificateUpload): PEM text as
// it is (a private key block in the same file goes to privateKey), DER and PKCS#12 as base64.

export interface UploadBody {
  certificates?: string;
  privateKey?: string;
  pkcs12?: string;
  passphrase?: string;
}

const KEY_BLOCK = /-----BEGIN (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----[\s\S]*?-----END (?:ENCRYPTED |RSA |EC )?PRIVATE KEY-----\s*/g;

export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function isPkcs12(fileName: string) {
  return /\.(p12|pfx)$/i.test(fileName);
}

function asText(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes('-----BEGIN ') ? text : null;
}

export function uploadBody(
  file: { name: string; bytes: Uint8Array },
  keyFile: { name: string; bytes: Uint8Array } | null,
  passphrase: string,
): UploadBody {
  const body: UploadBody = {};
  if (passphrase) body.passphrase = passphrase;
  if (isPkcs12(file.name)) {
    body.pkcs12 = base64(file.bytes);
    return body;
  }
  const text = asText(file.bytes);
  if (text === null) {
    body.certificates = base64(file.bytes);
  } else {
    const keys = text.match(KEY_BLOCK);
    body.certificates = text.replace(KEY_BLOCK, '');
    if (keys) body.privateKey = keys.join('');
  }
  if (keyFile) {
    body.privateKey = asText(keyFile.bytes) ?? base64(keyFile.bytes);
  }
  return body;
}

/** The file chosen in a file input, as its name and bytes (null when none is chosen). */
export async function readFile(input: HTMLInputElement | null) {
  const file = input?.files?.[0];
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

/**
 * Subject alternative names as typed ("gw.example.jp, 192.0.2.10") in the API's form
 * ("DNS:gw.example.jp", "IP:192.0.2.10"); entries already prefixed are kept.
 */
export function subjectAltNames(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => (/^(DNS|IP):/i.test(v) ? v : /^[0-9.]+$|:/.test(v) ? `IP:${v}` : `DNS:${v}`));
}
