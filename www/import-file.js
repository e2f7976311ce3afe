// Reading dropped or opened files into plain text, entirely in the browser:
//   .txt  — UTF-8 (BOM or not), UTF-16 with a BOM, else GBK/GB18030 (UTF-8 is tried strictly first);
//   .docx — word/document.xml from the ZIP, inflated with DecompressionStream('deflate-raw'),
//           paragraphs → lines;
//   .html — text content only (DOMParser; nothing is inserted into the page, no script runs).

/** Read a File/Blob → { text, encoding } or throw an Error with a readable reason. */
export async function readFileText(file) {
  const name = (file.name || '').toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (name.endsWith('.docx') || isZip) {
    return { text: await docxText(bytes), encoding: 'docx' };
  }
  if (name.endsWith('.html') || name.endsWith('.htm') || name.endsWith('.xhtml')) {
    const { text, encoding } = decodeText(bytes, true);
    return { text: htmlText(text), encoding: `html, ${encoding}` };
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new Error('PDF');
  }
  return decodeText(bytes);
}

/** Decode bytes: BOM → UTF-8/UTF-16; else strict UTF-8; else GB18030 (a superset of GBK). */
export function decodeText(bytes, html = false) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  if (html) {
    // A declared charset wins for HTML pages saved from government sites (often gb2312).
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      try {
        return { text: new TextDecoder(declared).decode(bytes), encoding: declared.toUpperCase() };
      } catch { /* unknown label: fall through */ }
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

// --- .docx --------------------------------------------------------------------------------

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The text of a .docx: one line per paragraph. */
export async function docxText(bytes) {
  const xml = await zipEntry(bytes, 'word/document.xml');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('word/document.xml is not well-formed');
  const lines = [];
  for (const p of doc.getElementsByTagNameNS(W_NS, 'p')) {
    let line = '';
    const walk = (node) => {
      for (const c of node.childNodes) {
        if (c.nodeType !== 1) continue;
        if (c.namespaceURI === W_NS) {
          if (c.localName === 't') line += c.textContent;
          else if (c.localName === 'tab') line += '\t';
          else if (c.localName === 'br' || c.localName === 'cr') line += '\n';
          else if (c.localName === 'p') continue; // nested paragraphs are visited on their own
          else walk(c);
        } else walk(c);
      }
    };
    walk(p);
    lines.push(line);
  }
  return lines.join('\n');
}

/** One entry of a ZIP archive, as text (UTF-8). */
async function zipEntry(bytes, wanted) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a ZIP archive');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder();
  for (let n = 0; n < entries && p + 46 <= bytes.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (name !== wanted) continue;
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('damaged ZIP entry');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (method === 0) return utf8.decode(data);
    if (method !== 8) throw new Error(`unsupported ZIP compression ${method}`);
    if (typeof DecompressionStream === 'undefined') throw new Error('this browser cannot inflate ZIP data');
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }
  throw new Error(`${wanted} not found (not a Word document?)`);
}

// --- .html --------------------------------------------------------------------------------

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tr', 'ul', 'title',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

/** The visible text of an HTML document: blocks → lines, scripts and styles dropped. */
export function htmlText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = [];
  const title = doc.querySelector('title')?.textContent.trim();
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) out.push(c.data.replace(/[ \t\r\n]+/g, ' '));
      else if (c.nodeType === 1) {
        const tag = c.localName;
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag) || tag === 'td' || tag === 'th';
        if (block) out.push('\n');
        walk(c);
        if (block) out.push(tag === 'td' || tag === 'th' ? '\t' : '\n');
      }
    }
  };
  if (doc.body) walk(doc.body);
  const body = out.join('').split('\n').map((l) => l.trim()).filter((l, i, a) => l || (i > 0 && a[i - 1])).join('\n').trim();
  return title && !body.startsWith(title) ? `${title}\n${body}` : body;
}
