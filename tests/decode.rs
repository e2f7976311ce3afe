//! The core's decoder on the page's import fixtures: the same text as www/import-file.js
//! (tests/browser/decode-parity.spec.mjs checks the page against the same expectations).
//! `UPDATE_DECODED=1` rewrites the expectations — read the diff before committing.

use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/fixtures");

#[test]
fn import_fixtures_decode_to_the_expected_text() {
    let cases = [
        ("excerpt.txt", "UTF-8"),
        ("report-gbk.txt", "GB18030"),
        ("report-utf16.txt", "UTF-16LE"),
        ("report.docx", "docx"),
        ("report.html", "html, UTF-8"),
    ];
    for (name, encoding) in cases {
        let bytes = std::fs::read(Path::new(FIXTURES).join(name)).unwrap();
        let decoded = fazhi_analyzer::decode_file(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded.encoding, encoding, "{name}");
        let expected = Path::new(FIXTURES).join("expected").join(format!("{name}.txt"));
        if std::env::var_os("UPDATE_DECODED").is_some() {
            std::fs::write(&expected, &decoded.text).unwrap();
        }
        assert_eq!(decoded.text, std::fs::read_to_string(&expected).unwrap(), "{name}");
    }
}

#[test]
fn gbk_utf16_and_docx_hold_the_utf8_text() {
    // The fixtures are one report: excerpt.txt in UTF-8, GB18030, UTF-16 and as a Word document.
    let dir = Path::new(FIXTURES);
    let read = |name: &str| fazhi_analyzer::decode_file(name, &std::fs::read(dir.join(name)).unwrap()).unwrap().text;
    let utf8 = std::fs::read_to_string(dir.join("excerpt.txt")).unwrap();
    assert_eq!(read("report-gbk.txt"), utf8);
    assert_eq!(read("report-utf16.txt"), utf8);
    assert_eq!(read("report.docx"), utf8.trim_end(), "paragraphs → lines; the file's last newline is no paragraph");
}
