-- Seeds a benchmark database with :pairs gateway pairs (two nodes each) and :certificates
-- certificates. Certificate rows reuse one real DER with distinct fingerprints and subjects:
-- list, search and detail read the indexed columns, not the DER.
INSERT INTO gateway_pair (name, site, description)
SELECT format('pair-%s', lpad(i::text, 5, '0')), format('site-%s-%s', i % 50, i), 'benchmark pair'
FROM generate_series(1, :pairs) AS i;

INSERT INTO gateway_node (pair_id, name, host, priority)
SELECT p.id, n.name, format('10.%s.%s.%s', (p.id / 250) % 250, p.id % 250, n.octet), n.priority
FROM gateway_pair p
CROSS JOIN (VALUES ('gw-a', 1, 200), ('gw-b', 2, 100)) AS n(name, octet, priority);

INSERT INTO certificate (sha256_fingerprint, subject_dn, issuer_dn, serial_number, not_before,
                         not_after, key_algorithm, key_size, subject_alt_names, is_ca, origin, der)
SELECT encode(sha256(('bench-' || i)::bytea), 'hex'),
       format('CN=gw%s.bank-%s.example,O=Bank %s,C=JP', i, lpad(i::text, 5, '0'), i % 100),
       'CN=Benchmark CA,O=Zengate,C=JP',
       to_hex(i),
       now() - interval '100 days',
       now() + (i % 730) * interval '1 day',
       CASE WHEN i % 3 = 0 THEN 'RSA' ELSE 'EC' END,
       CASE WHEN i % 3 = 0 THEN 2048 ELSE 256 END,
       format('DNS:gw%s.bank-%s.example', i, lpad(i::text, 5, '0')),
       false,
       'IMPORTED',
       decode(:'der', 'base64')
FROM generate_series(1, :certificates) AS i;
