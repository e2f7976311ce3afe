//! Files to text, the way the web page reads them (www/import-file.js), native only:
//!
//! - text: BOM → UTF-8 / UTF-16; else strict UTF-8; else UTF-16 evident without a BOM
//!   (nearly every code unit a CJK character, full-width form, ASCII or CJK punctuation);
//!   else the legacy encoding `chardetng` detects — Big5 when it says so, GB18030 otherwise
//!   (a superset of GBK, the page's fallback);
//! - `.docx`: `word/document.xml` from the ZIP (`zip`), paragraphs → lines (`quick-xml`);
//! - `.html`/`.htm`: the visible text, blocks → lines, scripts and styles dropped. The page uses
//!   the browser's `DOMParser`; `scraper` (html5ever) builds the same WHATWG tree, so implied
//!   end tags (`<p>a<p>b`) give the same lines — a bare tokenizer would not.
//!
//! Shared fixtures (tests/browser/fixtures, expected text in tests/browser/fixtures/expected)
//! prove both sides give the same text.

use std::borrow::Cow;
use std::io::Read;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE};

use crate::input::{validate, InputError, MAX_INPUT_BYTES};

/// A decoded file and how it was read: `UTF-8`, `UTF-16LE`, `GB18030`, `docx`, `html, UTF-8` …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: String,
}

/// Decode a file's bytes into text (the name's extension says .docx/.html), refusing what is
/// not a report with the reason.
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<Decoded, InputError> {
    decode_bytes(name, Cow::Borrowed(bytes))
}

/// [`decode_file`] of bytes the caller gives up: a UTF-8 file (nearly every one) becomes the
/// text without a copy of it (issue 12: the copy was 1 % of a whole analysis).
pub fn decode_file_owned(name: &str, bytes: Vec<u8>) -> Result<Decoded, InputError> {
    decode_bytes(name, Cow::Owned(bytes))
}

fn decode_bytes(name: &str, bytes: Cow<'_, [u8]>) -> Result<Decoded, InputError> {
    let lower = name.to_lowercase();
    let decoded = if lower.ends_with(".docx") || bytes.starts_with(b"PK\x03\x04") {
        Decoded { text: docx_text(&bytes)?, encoding: "docx".into() }
    } else if [".html", ".htm", ".xhtml"].iter().any(|e| lower.ends_with(e)) {
        let page = decode_text(&bytes, true);
        Decoded { text: html_text(&page.text), encoding: format!("html, {}", page.encoding) }
    } else if bytes.starts_with(b"%PDF-") {
        return Err(InputError::Pdf);
    } else {
        // Validated once: the check for a cut-short file and the decoder share the result.
        let utf8 = utf8_of(&bytes);
        if let Some(encoding) = cut_short(&bytes, utf8) {
            return Err(InputError::Truncated { encoding });
        }
        // What `read_text` reads as plain UTF-8 (valid, no BOM, no NUL) is the text as it is.
        let plain = utf8.is_ok() && !bytes.starts_with(UTF8_BOM) && memchr::memchr(0, &bytes).is_none();
        if plain && matches!(bytes, Cow::Owned(_)) {
            // SAFETY: `utf8_of` validated exactly these bytes as UTF-8 above (`into_owned` of
            // an owned Cow moves the vector, it does not copy it).
            Decoded { text: unsafe { String::from_utf8_unchecked(bytes.into_owned()) }, encoding: "UTF-8".into() }
        } else {
            read_text(&bytes, false, Some(utf8))
        }
    };
    validate(&decoded.text)?;
    Ok(decoded)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode a text file's bytes (no name: never HTML); validated.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    decode_file("", bytes).map(|d| d.text)
}

/// The bytes as UTF-8, or std's error (where the invalid bytes are): valid text (nearly every
/// file) is validated by simdutf8 (SIMD, a tenth of std's instructions on Chinese text), only
/// an invalid one again by std for the error's details.
fn utf8_of(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

fn decoded(text: impl Into<String>, encoding: &str) -> Decoded {
    Decoded { text: text.into(), encoding: encoding.to_owned() }
}

/// Bytes of a text to a string: never fails (what is not text shows as U+FFFD or control
/// characters, which [`validate`] refuses).
pub fn decode_text(bytes: &[u8], html: bool) -> Decoded {
    read_text(bytes, html, None)
}

/// [`decode_text`], with the bytes' UTF-8 validation when the caller has it already.
fn read_text(bytes: &[u8], html: bool, utf8: Option<Result<&str, std::str::Utf8Error>>) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        if let Some(Ok(valid)) = utf8 {
            return decoded(&valid[3..], "UTF-8");
        }
        return decoded(String::from_utf8_lossy(rest), "UTF-8");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decoded(UTF_16LE.decode_without_bom_handling(rest).0, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decoded(UTF_16BE.decode_without_bom_handling(rest).0, "UTF-16BE");
    }
    if html {
        if let Some((label, encoding)) = declared_charset(bytes) {
            return decoded(encoding.decode_without_bom_handling(bytes).0, &label.to_uppercase());
        }
    }
    // Validated once (a pass over the whole file): UTF-16 is looked for only in what is not
    // plainly UTF-8, valid and without NULs.
    let utf8 = utf8.unwrap_or_else(|| utf8_of(bytes)).ok();
    if utf8.is_none() || memchr::memchr(0, bytes).is_some() {
        if let Some(utf16) = evident_utf16(bytes) {
            return utf16;
        }
    }
    if let Some(s) = utf8 {
        return decoded(s, "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = if detector.guess(None, chardetng::Utf8Detection::Deny) == BIG5 { BIG5 } else { GB18030 };
    decoded(encoding.decode_without_bom_handling(bytes).0, if encoding == BIG5 { "BIG5" } else { "GB18030" })
}

/// A text file that ends in the middle of a character: UTF-16 (a BOM) with an odd byte
/// count, or UTF-8 (a BOM, or other multi-byte characters before the end) whose last
/// character is incomplete. Decoding would drop or replace the byte silently, and a cut
/// UTF-8 file is not GBK.
/// `utf8` is the validation of all of `bytes` (a UTF-8 BOM is valid UTF-8 itself, so the
/// error after it is the error of the bytes).
fn cut_short(bytes: &[u8], utf8: Result<&str, std::str::Utf8Error>) -> Option<&'static str> {
    if (bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) && bytes.len() % 2 == 1 {
        return Some("UTF-16");
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let e = utf8.err()?;
    let valid = &bytes[..e.valid_up_to()];
    (e.error_len().is_none() && (bom || !valid.is_ascii())).then_some("UTF-8")
}

/// `<meta charset=gb2312>` in the head of an HTML page, when it names a known encoding other than UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    static META: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i-u)<meta[^>]+charset\s*=\s*["']?([\w-]+)"#).unwrap()
    });
    let head = &bytes[..bytes.len().min(2048)];
    let label = String::from_utf8_lossy(META.captures(head)?.get(1)?.as_bytes()).to_lowercase();
    if label == "utf-8" || label == "utf8" {
        return None;
    }
    Encoding::for_label(label.as_bytes()).map(|e| (label, e))
}

/// UTF-16 without a BOM, when it is evident: an even length and at least 90% of the code units
/// (in the first 4096) text a report is made of.
fn evident_utf16(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 8 || bytes.len() % 2 != 0 {
        return None;
    }
    // Valid UTF-8 without NULs is UTF-8 (the caller asks only about other bytes); UTF-16 of
    // Chinese text has no NULs but is rarely valid UTF-8.
    let plausible = |u: u16| {
        matches!(u, 0x4E00..=0x9FFF | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x20..=0x7E | 0x0A | 0x0D | 0x09 | 0x2010..=0x206F)
    };
    let head = &bytes[..bytes.len().min(8192)];
    for (encoding, name, unit) in [
        (UTF_16LE, "UTF-16LE", u16::from_le_bytes as fn([u8; 2]) -> u16),
        (UTF_16BE, "UTF-16BE", u16::from_be_bytes),
    ] {
        let units: Vec<u16> = head.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
        if units.iter().filter(|&&u| plausible(u)).count() * 10 >= units.len() * 9 {
            return Some(decoded(encoding.decode_without_bom_handling(bytes).0, name));
        }
    }
    None
}

const W_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of a .docx: one line per paragraph (`w:p`, nested ones after their parent, as
/// the page's `getElementsByTagNameNS` orders them); `w:tab` → tab, `w:br`/`w:cr` → line break.
fn docx_text(bytes: &[u8]) -> Result<String, InputError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| InputError::Zip)?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|_| InputError::Zip)?
        .take(MAX_INPUT_BYTES as u64 * 4)
        .read_to_string(&mut xml)
        .map_err(|_| InputError::Zip)?;
    document_text(&xml).ok_or(InputError::Zip)
}

fn document_text(xml: &str) -> Option<String> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let mut reader = quick_xml::NsReader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    // Open paragraphs (their line index) and whether a `w:t` is open.
    let mut open: Vec<usize> = Vec::new();
    let mut in_t = 0usize;
    let mut in_ppr = 0usize;
    loop {
        let (ns, event) = reader.read_resolved_event().ok()?;
        let w = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == W_NS);
        match event {
            Event::Start(e) | Event::Empty(e) if w => {
                let local = e.local_name();
                match local.as_ref() {
                    b"p" => {
                        lines.push(String::new());
                        open.push(lines.len() - 1);
                    }
                    b"t" => in_t += 1,
                    b"pPr" => in_ppr += 1,
                    b"tab" if in_ppr == 0 => push(&mut lines, &open, "\t"),
                    b"br" | b"cr" => push(&mut lines, &open, "\n"),
                    _ => {}
                }
            }
            Event::End(e) if w => match e.local_name().as_ref() {
                b"p" => {
                    open.pop();
                }
                b"t" => in_t = in_t.saturating_sub(1),
                b"pPr" => in_ppr = in_ppr.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_t > 0 => push(&mut lines, &open, &t.xml_content(quick_xml::XmlVersion::Implicit1_0).ok()?),
            Event::CData(t) if in_t > 0 => push(&mut lines, &open, &t.decode().ok()?),
            Event::GeneralRef(r) if in_t > 0 => {
                let s = match r.resolve_char_ref().ok()? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r.decode().ok()?)?.to_owned(),
                };
                push(&mut lines, &open, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(lines.join("\n"))
}

fn push(lines: &mut [String], open: &[usize], s: &str) {
    if let Some(&i) = open.last() {
        lines[i].push_str(s);
    }
}

const BLOCK: [&str; 33] = [
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "tr", "ul", "title",
];
const SKIP: [&str; 8] = ["script", "style", "noscript", "template", "iframe", "object", "svg", "head"];

/// JavaScript's `String.prototype.trim` set: Unicode white space and U+FEFF, not U+0085.
fn js_trim(s: &str) -> &str {
    s.trim_matches(|c: char| (c.is_whitespace() && c != '\u{85}') || c == '\u{FEFF}')
}

/// The visible text of an HTML document, as the page's `htmlText`: blocks → lines, cells → tabs.
pub fn html_text(html: &str) -> String {
    use scraper::{ElementRef, Node};
    let doc = scraper::Html::parse_document(html);
    let title = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")
        .map(|t| js_trim(&t.text().collect::<String>()).to_owned());
    fn walk(node: ego_tree::NodeRef<Node>, out: &mut String) {
        for c in node.children() {
            match c.value() {
                Node::Text(t) => {
                    let mut space = false;
                    for ch in t.chars() {
                        if matches!(ch, ' ' | '\t' | '\r' | '\n') {
                            if !space {
                                out.push(' ');
                            }
                            space = true;
                        } else {
                            out.push(ch);
                            space = false;
                        }
                    }
                }
                Node::Element(e) => {
                    let tag = e.name();
                    if SKIP.contains(&tag) {
                        continue;
                    }
                    let cell = tag == "td" || tag == "th";
                    let block = BLOCK.contains(&tag) || cell;
                    if block {
                        out.push('\n');
                    }
                    walk(c, out);
                    if block {
                        out.push(if cell { '\t' } else { '\n' });
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    if let Some(body) = doc.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body") {
        walk(*body, &mut out);
    }
    let lines: Vec<&str> = out.split('\n').map(js_trim).collect();
    let kept: Vec<&str> = lines.iter().enumerate().filter(|&(i, l)| !l.is_empty() || (i > 0 && !lines[i - 1].is_empty())).map(|(_, l)| *l).collect();
    let body = js_trim(&kept.join("\n")).to_owned();
    match title {
        Some(t) if !t.is_empty() && !body.starts_with(&t) => format!("{t}\n{body}"),
        _ => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_utf16_with_and_without_bom() {
        assert_eq!(decode("\u{FEFF}报告".as_bytes()).unwrap(), "报告");
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("报告".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "报告");
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("报告".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap(), "报告");
        let text = "一、主要举措和成效\n全年办理行政复议案件15件。";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_file("a.txt", &le).unwrap(), decoded(text, "UTF-16LE"));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_file("a.txt", &be).unwrap(), decoded(text, "UTF-16BE"));
    }

    #[test]
    fn decodes_gbk_and_big5() {
        let text = "一、主要举措和成效\n全年办理行政复议案件15件,办结率100%。";
        let gbk = GB18030.encode(text).0;
        assert_eq!(decode_file("a.txt", &gbk).unwrap(), decoded(text, "GB18030"));
        let traditional = "一、主要舉措和成效\n全年辦理行政複議案件15件,辦結率百分之百。本機關依法行政,公開透明。";
        let big5 = BIG5.encode(traditional).0;
        assert_eq!(decode_file("a.txt", &big5).unwrap(), decoded(traditional, "BIG5"));
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(decode(b"PK\x03\x04rest"), Err(InputError::Zip));
        assert_eq!(decode(b"%PDF-1.7"), Err(InputError::Pdf));
        assert_eq!(decode(b"\x00\x01\x02\x03abc"), Err(InputError::Binary));
        assert_eq!(decode(b"  \n "), Err(InputError::Empty));
        assert_eq!(decode(&[0u8, 159, 146, 150, 1, 2, 3, 255]), Err(InputError::Binary));
        // A UTF-8 BOM does not hide a PDF.
        assert_eq!(decode(b"\xEF\xBB\xBF%PDF-1.7\n1 0 obj"), Err(InputError::Pdf));
        // A BOM alone is empty, as when pasted.
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(InputError::Empty));
    }

    #[test]
    fn a_file_cut_mid_character_is_called_truncated() {
        let text = "全年办理行政复议案件15件。";
        // UTF-8 cut inside the last character (。 is three bytes): not GBK.
        let utf8 = text.as_bytes();
        for cut in 1..=2 {
            let e = decode(&utf8[..utf8.len() - cut]).unwrap_err();
            assert_eq!(e, InputError::Truncated { encoding: "UTF-8" });
            assert!(e.to_string().contains("截断"), "{e}");
        }
        let bom: Vec<u8> = b"\xEF\xBB\xBF".iter().chain(&utf8[..utf8.len() - 1]).copied().collect();
        assert_eq!(decode(&bom), Err(InputError::Truncated { encoding: "UTF-8" }));
        // UTF-16 with a BOM and an odd trailing byte.
        let mut le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        le.push(0x41);
        assert_eq!(decode(&le), Err(InputError::Truncated { encoding: "UTF-16" }));
        le.pop();
        assert_eq!(decode(&le).unwrap(), text);
        // GBK whose last byte is a lead byte is still GBK (its ASCII head says nothing about UTF-8).
        let mut gbk = GB18030.encode("一、主要举措").0.into_owned();
        assert_eq!(decode(&gbk).unwrap(), "一、主要举措");
        gbk.push(0xB0);
        assert_ne!(decode(&gbk), Err(InputError::Truncated { encoding: "UTF-8" }));
    }

    #[test]
    fn docx_paragraphs_become_lines() {
        let xml = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">主要 &amp; 举措</w:t></w:r></w:p>
            <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙&#x4E01;</w:t></w:r></w:p><w:p/>
            <w:p><w:r><w:t>外</w:t><w:pict><w:txbxContent><w:p><w:r><w:t>内</w:t></w:r></w:p></w:txbxContent></w:pict><w:t>层</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(document_text(xml).unwrap(), "一、主要 & 举措\n甲\t乙\n丙丁\n\n外层\n内");
    }

    #[test]
    fn html_blocks_become_lines() {
        let html = "<html><head><title>报告</title><style>p{}</style></head><body><script>x()</script>\
            <p>一、 主要\n举措<p>甲&amp;乙<br>丙<table><tr><td>a<td>b</table><div><div>丁</div></div></body></html>";
        assert_eq!(html_text(html), "报告\n一、 主要 举措\n\n甲&乙\n\n丙\n\na\nb\n\n丁");
    }
}
