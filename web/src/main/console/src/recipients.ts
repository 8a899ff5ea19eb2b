// E-mail recipients as the console's settings form shows them: one a line, the language after.
import { RecipientView } from './types';

/** One recipient a line: "address" (Japanese mail) or "address en". */
export function recipientsText(recipients: RecipientView[]): string {
  return recipients.map((r) => (r.language === 'ja' ? r.address : `${r.address} ${r.language}`)).join('\n');
}

export function parseRecipients(text: string): { address: string; language: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [address, language] = line.split(/\s+/);
      return { address, language: language ?? 'ja' };
    });
}
