//! Untrusted input: rejecting what is not a report, with a clear reason (decoding files: `decode`).

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
            InputError::Zip => write!(f, "这是 ZIP 压缩文件,但不是可读的 Word 文档(.docx) (a ZIP file that is not a readable .docx)"),
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
    fn refuses_what_is_not_text() {
        assert_eq!(validate("\u{1}\u{2}\u{3}\u{4}ab"), Err(InputError::Binary));
        assert!(matches!(validate(&"字".repeat(MAX_INPUT_BYTES / 3 + 1)), Err(InputError::TooLarge { .. })));
    }
}
