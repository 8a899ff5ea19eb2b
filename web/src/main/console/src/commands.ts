// Text operators copy: the enrollment command for a node, and the curl call equivalent to a form.

/** Where the management server is, as a node reaches it: the console's own base address. */
export function serverAddress(baseUri: string): string {
  const url = new URL(baseUri);
  return url.origin + url.pathname;
}

export function enrollCommand(server: string, token: string): string {
  // Over HTTPS the node must trust the management server's CA (its generated one: var/tls/ca.crt).
  const trust = server.startsWith('https:') ? ' --server-ca management-ca.crt' : '';
  return `java -jar zengate-gateway.jar enroll --server ${server}${trust} --token ${token} --state-dir /var/lib/zengate`;
}

/** Single quotes for the shell: the only character to escape inside them is the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(method: string, url: string, body?: unknown, ifMatch?: string | null): string {
  const lines = [`curl -s -X ${method} -H "Authorization: Bearer $TOKEN"`];
  if (ifMatch) lines.push(`-H ${shellQuote('If-Match: ' + ifMatch)}`);
  if (body !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d ${shellQuote(JSON.stringify(body))}`);
  }
  lines.push(shellQuote(url));
  return lines.join(' \\\n  ');
}
