#!/usr/bin/env node
// Writes the small binary fixtures the browser tests open (committed under tests/browser/fixtures/):
//   report-gbk.txt      — an excerpt of seed 003 encoded in GBK (no BOM)
//   report-utf16.txt    — the same excerpt, UTF-16LE with a BOM
//   report.docx         — the same excerpt as a minimal Word document (deflated ZIP entry)
//   report.html         — the same excerpt in a web page, with a script that must never run
//   excerpt.txt         — the excerpt itself (UTF-8), what each of them must read back as
// Node has no GBK encoder, so the table is built by decoding every GBK double-byte code with
// TextDecoder('gbk'). Run: node scripts/make-browser-fixtures.mjs

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { deflateRawSync, crc32 } from 'node:zlib';

const root = new URL('../', import.meta.url);
const out = new URL('tests/browser/fixtures/', root);
mkdirSync(out, { recursive: true });

const seed = readFileSync(new URL('tests/fixtures/003_3bbaca17e2977359.txt', root), 'utf8').split('\n');
// The title, the 行政复议 section heading and paragraph, and the section after it.
const pick = (prefix) => {
  const i = seed.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`seed 003 has no line starting ${prefix}`);
  return seed[i].trim();
};
const lines = [
  pick('公安县2019年法治政府建设工作报告'),
  pick('六、'),
  pick('(二)依法参与行政复议'),
  pick('七、'),
  pick('(一)扎实推进人民调解工作'),
];
const excerpt = lines.join('\n') + '\n';
writeFileSync(new URL('excerpt.txt', out), excerpt);

// GBK
const gbk = new Map();
const dec = new TextDecoder('gbk', { fatal: true });
for (let a = 0x81; a <= 0xfe; a++) {
  for (let b = 0x40; b <= 0xfe; b++) {
    if (b === 0x7f) continue;
    try {
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && !gbk.has(ch)) gbk.set(ch, [a, b]);
    } catch { /* unassigned */ }
  }
}
const bytes = [];
for (const ch of excerpt) {
  const c = ch.codePointAt(0);
  if (c < 0x80) bytes.push(c);
  else if (gbk.has(ch)) bytes.push(...gbk.get(ch));
  else throw new Error(`not in GBK: ${ch} U+${c.toString(16)}`);
}
writeFileSync(new URL('report-gbk.txt', out), Uint8Array.from(bytes));

// UTF-16LE with BOM
writeFileSync(new URL('report-utf16.txt', out), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(excerpt, 'utf16le')]));

// .docx
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
// Each paragraph split over two runs, the way Word stores edited text.
const para = (l) => {
  const cut = Math.min(4, l.length);
  return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>${esc(l.slice(0, cut))}</w:t></w:r><w:r><w:t xml:space="preserve">${esc(l.slice(cut))}</w:t></w:r></w:p>`;
};
const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${lines.map(para).join('')}<w:sectPr/></w:body></w:document>`;
const files = [
  ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`],
  ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`],
  ['word/document.xml', documentXml],
];
writeFileSync(new URL('report.docx', out), zip(files));

// .html
writeFileSync(new URL('report.html', out), `<!doctype html>
<html><head><meta charset="utf-8"><title>${esc(lines[0])}</title>
<style>body { color: red }</style>
<script>window.__fixtureScriptRan = true;</script></head>
<body><div class="nav"><a href="#">首页</a></div>
<h1>${esc(lines[0])}</h1>
${lines.slice(1).map((l) => `<p>${esc(l)}</p>`).join('\n')}
<img src="x" onerror="window.__fixtureScriptRan = true">
</body></html>
`);

console.log(`make-browser-fixtures: ${lines.length} lines, ${excerpt.length} chars → ${out.pathname}`);

/** A minimal ZIP archive (deflated entries) with a central directory. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
