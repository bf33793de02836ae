// Copies each example into the README, under its `<!-- example: examples/x.ts -->` marker, so the README
// shows exactly the code that test/examples.test.ts runs. Usage: npm run docs:examples
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');
const synced = readme.replace(
  /(<!-- example: (examples\/[\w.-]+) -->\n)```ts\n[\s\S]*?```/g,
  (_block, marker: string, file: string) =>
    `${marker}\`\`\`ts\n${readFileSync(`${root}${file}`, 'utf8')}\`\`\``,
);
writeFileSync(readmePath, synced);
console.log(synced === readme ? 'README examples already in sync' : 'README examples updated');
