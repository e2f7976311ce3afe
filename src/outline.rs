//! Outline: headings (一、 → (一) → 1. → (1), and inline 一是 …), their nesting and the
//! required part each one is.

use std::sync::LazyLock;

use regex::Regex;

use crate::chrome::Page;
use crate::result::{HeadingStyle, Role};
use crate::text::{self, Span, Text};

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Marker and title.
    pub span: Span,
    pub marker: Span,
    pub title: Span,
    pub style: HeadingStyle,
    pub number: Option<u32>,
    pub level: u32,
    pub parent: Option<usize>,
    /// Required parts the title names, first one is the heading's role.
    pub sections: Vec<Role>,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub headings: Vec<Heading>,
}

impl Outline {
    /// Index of the innermost heading whose section contains `pos`.
    pub fn heading_at(&self, pos: usize) -> Option<usize> {
        self.headings.iter().rposition(|h| h.span.start <= pos)
    }
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?<dun>[一二三四五六七八九十]+)、|\((?<paren>[一二三四五六七八九十]+)\)|(?<num>\d{1,2})[.、]|\((?<nparen>\d{1,2})\))").unwrap()
});

pub fn parse(text: &Text, page: &Page) -> Outline {
    let s = text.norm();
    let mut headings: Vec<Heading> = Vec::new();
    let mut families: Vec<HeadingStyle> = Vec::new();
    for line in text::lines(s).filter(|l| page.body.contains(*l)) {
        let Some(c) = MARKER.captures(&s[line.range()]) else { continue };
        let (style, digits) = if let Some(m) = c.name("dun") {
            (HeadingStyle::CnDun, m)
        } else if let Some(m) = c.name("paren") {
            (HeadingStyle::CnParen, m)
        } else if let Some(m) = c.name("num") {
            (HeadingStyle::NumDot, m)
        } else {
            (HeadingStyle::NumParen, c.name("nparen").unwrap())
        };
        let whole = c.get(0).unwrap();
        let marker = text::trim(s, Span::new(line.start + whole.start(), line.start + whole.end()));
        let rest = &s[marker.end..line.end];
        let title_len = rest.find('。').unwrap_or(rest.len());
        let title = text::trim(s, Span::new(marker.end, marker.end + title_len));
        let level = match families.iter().position(|f| *f == style) {
            Some(i) => {
                families.truncate(i + 1);
                i + 1
            }
            None => {
                families.push(style);
                families.len()
            }
        } as u32;
        let parent = headings.iter().rposition(|h| h.level < level);
        let number = crate::quantity::parse_number(digits.as_str()).map(|v| v as u32);
        headings.push(Heading {
            span: marker.cover(title),
            marker,
            title,
            style,
            number,
            level,
            parent,
            sections: crate::vocab::roles_in(text.get(title)),
        });
    }
    Outline { headings }
}
