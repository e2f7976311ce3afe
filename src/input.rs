//! Untrusted input: decoding files and rejecting what is not a report, with a clear reason.

use std::fmt;

/// Larger texts are refused rather than left to freeze a page.
pub const MAX_INPUT_BYTES: usize = 48 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    TooLarge { bytes: usize },
    /// A ZIP container: .docx, .xlsx, .zip.
    Zip,
    Pdf,
    /// Bytes that are not UTF-8 text (GBK/GB18030 is the usual case).
    NotUtf8 { offset: usize },
    /// Control characters or NULs: not text at all.
    Binary,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "输入为空 (the input is empty)"),
            InputError::TooLarge { bytes } => write!(
                f,
                "文本过大:{:.1} MB,上限 {} MB (text too large)",
                *bytes as f64 / 1048576.0,
                MAX_INPUT_BYTES / 1048576
            ),
            InputError::Zip => write!(
                f,
                "这是 ZIP 压缩文件(如 .docx),不是纯文本;请另存为 .txt,或在网页中打开 .docx (a ZIP/.docx file, not plain text)"
            ),
            InputError::Pdf => write!(f, "这是 PDF 文件,请先复制其中的文字 (a PDF file, not plain text)"),
            InputError::NotUtf8 { offset } => write!(
                f,
                "不是 UTF-8 文本(第 {offset} 字节起),可能是 GBK/GB18030 编码;请先转换:iconv -f GB18030 -t UTF-8 文件名 (not UTF-8 text; convert it first)"
            ),
            InputError::Binary => write!(f, "内容不是文本(含大量控制字符) (binary data, not text)"),
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// A stable key for tables and JSON lines: `empty`, `too-large`, `zip`, `pdf`, `not-utf8`, `binary`.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Empty => "empty",
            InputError::TooLarge { .. } => "too-large",
            InputError::Zip => "zip",
            InputError::Pdf => "pdf",
            InputError::NotUtf8 { .. } => "not-utf8",
            InputError::Binary => "binary",
        }
    }
}

/// Decode a file's bytes: UTF-8 (BOM dropped, as browsers' `TextDecoder` does) or UTF-16
/// with a BOM; anything else is refused with the reason.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(InputError::Zip);
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(InputError::Pdf);
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(bytes)?
    };
    validate(&text)?;
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) if bytes.contains(&0) => Err(InputError::Binary),
        Err(e) => Err(InputError::NotUtf8 { offset: e.valid_up_to() }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16(&units).map_err(|_| InputError::Binary)
}

/// Refuse text that is empty, too large, or evidently binary.
pub fn validate(text: &str) -> Result<(), InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    // Sample the head: binary junk shows itself at once, and a 40 MB scan is not needed to say so.
    let mut total = 0usize;
    let mut junk = 0usize;
    for c in text.chars().take(65536) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}');
        if c == '\0' {
            return Err(InputError::Binary);
        }
        if control || c == '\u{FFFD}' {
            junk += 1;
        }
    }
    if junk * 20 > total {
        return Err(InputError::Binary);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_utf16_with_bom() {
        assert_eq!(decode("\u{FEFF}报告".as_bytes()).unwrap(), "报告");
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("报告".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "报告");
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("报告".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap(), "报告");
    }

    #[test]
    fn refuses_what_is_not_text() {
        // 报告 in GBK
        assert_eq!(decode(&[0xB1, 0xA8, 0xB8, 0xE6]), Err(InputError::NotUtf8 { offset: 0 }));
        assert_eq!(decode(b"PK\x03\x04rest"), Err(InputError::Zip));
        assert_eq!(decode(b"%PDF-1.7"), Err(InputError::Pdf));
        assert_eq!(decode(b"\x00\x01\x02\x03abc"), Err(InputError::Binary));
        assert_eq!(decode(b"  \n "), Err(InputError::Empty));
        assert_eq!(validate("\u{1}\u{2}\u{3}\u{4}ab"), Err(InputError::Binary));
        assert!(matches!(validate(&"字".repeat(MAX_INPUT_BYTES / 3 + 1)), Err(InputError::TooLarge { .. })));
    }
}
