// A large result crosses from the worker to the page as JSON cut into pieces, so that the page
// parses it in several short tasks instead of one long one (JSON.parse of a 10 MB report's 20 MB
// result is one 150–250 ms task, during which the page answers no key and paints no frame).
//
// splitJson runs in the worker: one pass over the text finds the top-level arrays and the commas
// between their elements (outside strings); each array longer than `pieceChars` is taken out of
// the head (left as []) and cut into pieces of whole elements, each itself a JSON array.
// parsePieces runs on the page: the head first, then one piece per task, appended in order. The
// object it gives equals JSON.parse of the whole text (tests/node/json-pieces.test.mjs).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** The index of the quote that closes the string whose text starts at `from` (indexOf: fast). */
function closingQuote(json, from) {
  for (let q = json.indexOf('"', from); q >= 0; q = json.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (json.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return json.length;
}

// Below this a result is parsed whole: 2 M characters parse in about 20 ms. The scan that
// splits costs the worker about as much as the page's parse of the whole would (a 10 MB report:
// 150–250 ms on the test machine), but the worker is where time can be spent without a frozen page.
const SPLIT_ABOVE = 2 * 1024 * 1024;

/**
 * Cut `json` (one JSON object) into a head and pieces: `{ head, arrays: [{ key, pieces }] }`, or
 * null when it is short (`splitAbove`), nothing is longer than `pieceChars`, or it is not an object.
 */
export function splitJson(json, { pieceChars = 256 * 1024, splitAbove = SPLIT_ABOVE } = {}) {
  if (json.length <= splitAbove || json.length <= pieceChars || json.charCodeAt(0) !== OPEN_BRACE) return null;
  const arrays = []; // { key, start (at '['), end (after ']'), commas: element separators }
  let depth = 0;
  let key = null; // the last top-level key read
  let current = null; // the top-level array being read
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string; the last string read at depth 1 before an array is that array's key.
      const start = i + 1;
      i = closingQuote(json, start);
      if (depth === 1) key = JSON.parse(json.slice(start - 1, i + 1));
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && c === OPEN_BRACKET) current = { key, start: i, end: -1, commas: [] };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 2 && current && c === CLOSE_BRACKET) {
        current.end = i + 1;
        if (current.end - current.start > pieceChars) arrays.push(current);
        current = null;
      }
      depth--;
    } else if (c === COMMA && depth === 2 && current) current.commas.push(i);
  }
  if (!arrays.length || depth !== 0) return null;
  let head = '';
  let at = 0;
  const out = [];
  for (const a of arrays) {
    head += `${json.slice(at, a.start)}[]`;
    at = a.end;
    const pieces = [];
    let from = a.start + 1; // the first element of the piece
    for (const comma of [...a.commas, a.end - 1]) {
      if (comma - from >= pieceChars || comma === a.end - 1) {
        pieces.push(`[${json.slice(from, comma)}]`);
        from = comma + 1;
      }
    }
    out.push({ key: a.key, pieces });
  }
  head += json.slice(at);
  return { head, arrays: out };
}

/** The object of a split (see splitJson), parsed one piece per task. */
export async function parsePieces({ head, arrays }, nextTask = () => new Promise((ok) => setTimeout(ok, 0))) {
  const result = JSON.parse(head);
  for (const { key, pieces } of arrays) {
    const items = result[key];
    for (const piece of pieces) {
      await nextTask();
      for (const item of JSON.parse(piece)) items.push(item);
    }
  }
  return result;
}
