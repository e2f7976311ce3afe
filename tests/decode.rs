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

/// The owned decoder (the CLI's: a UTF-8 file's bytes become the text without a copy) gives
/// what the borrowing one gives, on every kind of file: the fixtures, a BOM, a NUL, UTF-16
/// without a BOM, a cut-short file, GBK, a PDF, nothing, and an HTML name.
#[test]
fn owned_and_borrowed_decoding_agree() {
    let mut cases: Vec<(String, Vec<u8>)> = ["excerpt.txt", "report-gbk.txt", "report-utf16.txt", "report.docx", "report.html"]
        .iter()
        .map(|name| (name.to_string(), std::fs::read(Path::new(FIXTURES).join(name)).unwrap()))
        .collect();
    let report = "一、主要举措和成效\n全年办理行政复议案件12件。\n".as_bytes();
    let utf16: Vec<u8> = "法治政府建设年度报告全文".encode_utf16().flat_map(u16::to_le_bytes).collect();
    for bytes in [
        report.to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), report].concat(),
        [report, b"\0\0"].concat(),
        utf16,
        report[..report.len() - 2].to_vec(),
        [report, "全年".as_bytes(), &"办".as_bytes()[..2]].concat(),
        b"\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE\xBD\xA8\xC9\xE8".to_vec(),
        b"%PDF-1.7\n".to_vec(),
        Vec::new(),
        b"\x01\x02\x03 binary \x04".to_vec(),
    ] {
        cases.push(("pasted.txt".into(), bytes));
    }
    cases.push(("page.html".into(), "<p>一、总体情况</p><p>全年办理案件5件</p>".as_bytes().to_vec()));
    for (name, bytes) in cases {
        let borrowed = fazhi_analyzer::decode_file(&name, &bytes);
        assert_eq!(fazhi_analyzer::decode_file_owned(&name, bytes.clone()), borrowed, "{name}: {bytes:?}");
    }
}

proptest::proptest! {
    #[test]
    fn owned_and_borrowed_decoding_agree_on_any_bytes(
        bytes in proptest::collection::vec(proptest::prop_oneof![
            proptest::num::u8::ANY,
            proptest::sample::select(vec![0u8, 0xE4, 0xB8, 0x80, 0xEF, 0xBB, 0xBF, b'\n', b'1']),
        ], 0..64),
        bom in proptest::bool::ANY,
    ) {
        let bytes = if bom { [b"\xEF\xBB\xBF".as_slice(), &bytes].concat() } else { bytes };
        proptest::prop_assert_eq!(fazhi_analyzer::decode_file_owned("t.txt", bytes.clone()), fazhi_analyzer::decode_file("t.txt", &bytes));
    }
}
