// Runs graphql-http's audits of the GraphQL-over-HTTP spec against the server at the
// URL given, prints every audit that is not ok, and exits 1 if a MUST audit failed.
//
//	node scripts/http-audit/audit.mjs http://127.0.0.1:8080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = await auditServer({ url });
let failed = 0;
for (const r of results) {
  if (r.status === 'ok') continue;
  if (r.name.startsWith('MUST')) failed++;
  console.log(`${r.status}\t${r.id}\t${r.name}\t${r.reason ?? ''}`);
}
console.log(`${results.length} audits, ${failed} MUST failed`);
process.exit(failed ? 1 : 0);
