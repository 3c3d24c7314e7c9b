// The compromise peer of kg-bench-corpus: people, places and organizations from the first N MB of a
// JSONL corpus, timed the same way (MB of text per second, one thread).
const fs = require('fs');
let nlp;
try { nlp = require('compromise'); } catch (e) { console.log('compromise is not installed'); process.exit(1); }
const [file, mb] = [process.argv[2], Number(process.argv[3] || 2)];
const lines = fs.readFileSync(file, 'utf8').split('\n');
let bytes = 0, found = 0;
const t0 = process.hrtime.bigint();
for (const line of lines) {
  if (!line) continue;
  const text = JSON.parse(line).text;
  const doc = nlp(text);
  found += doc.people().length + doc.places().length + doc.organizations().length;
  bytes += Buffer.byteLength(text);
  if (bytes >= mb * 1e6) break;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`compromise ${nlp.version}: ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s = ${(bytes / 1e6 / s).toFixed(3)} MB/s, 1 thread (${found} entity mentions)`);
