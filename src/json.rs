//! The result as compact JSON, byte for byte what `serde_json::to_writer` writes from the
//! derived `Serialize`, faster where the bytes are: the figures, the headings and the findings
//! (nine tenths of a report's JSON) are written field by field into one buffer, with their keys
//! as literals and their strings copied whole when nothing in them needs escaping. serde_json
//! escapes each key and each string byte by byte and writes every piece separately; this was
//! 8 % of a whole analysis (issue 12). Everything else goes through serde_json itself, and
//! so does every string, float or enum whose writing is not a plain copy.
//!
//! The derive stays the definition: `tests/json_writer.rs` compares the two on every
//! fixture and on strings that need each kind of escape, and `invariants::check` on every
//! generated and fuzzed text, so a field added to `Metric`, `Heading` or `Finding` fails there until
//! it is written here too.

use std::io::{self, Write};

use crate::result::{Analysis, Approx, Finding, Heading, HeadingStyle, Metric, MetricKind, Role};

/// One JSON object, its fields in the order given (the structs' declaration order, which is
/// the order serde's derive writes them in): `"key":` as a literal, then the value's writer.
/// Each key is one literal with the brace or comma before it (`{"id":`, `,"start":`): one copy
/// a field.
macro_rules! object {
    ($buf:ident { $first:literal: $write_first:expr $(, $key:literal: $write:expr)* $(,)? }) => {{
        $buf.extend_from_slice(concat!("{\"", $first, "\":").as_bytes());
        $write_first?;
        $(
            $buf.extend_from_slice(concat!(",\"", $key, "\":").as_bytes());
            $write?;
        )*
        $buf.push(b'}');
        Ok(())
    }};
}

/// Writes `analysis` as serde_json's compact JSON.
pub fn write<W: Write>(analysis: &Analysis, out: &mut W) -> io::Result<()> {
    let buf = &mut Vec::with_capacity(PIECE + PIECE / 4);
    let a = analysis;
    object!(buf {
        "format": serde(buf, &a.format),
        "meta": serde(buf, &a.meta),
        "body": serde(buf, &a.body),
        "boilerplate": serde(buf, &a.boilerplate),
        "outline": array(buf, out, &a.outline, write_heading),
        "metrics": array(buf, out, &a.metrics, write_metric),
        "relations": serde(buf, &a.relations),
        "findings": array(buf, out, &a.findings, write_finding),
        "sections": serde(buf, &a.sections),
        "review": serde(buf, &a.review),
        "stats": serde(buf, &a.stats),
    })
    .and_then(|()| out.write_all(buf))
}

/// Bytes of JSON handed to the writer at a time, at least: the CLI's output buffer's size (64 KiB),
/// so that a piece goes past that buffer to the file at once instead of being copied into it
/// (the copies were 1 % of the 1 MiB mix's instructions), and the wasm hands it to JS as it is.
const PIECE: usize = 1 << 16;

/// A list whose items are written here, handed on a piece at a time: the JSON is never held
/// whole (it can be many times the text; issue 15), and the writer gets large pieces.
fn array<T, W: Write>(buf: &mut Vec<u8>, out: &mut W, items: &[T], write: fn(&mut Vec<u8>, &T) -> io::Result<()>) -> io::Result<()> {
    buf.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        write(buf, item)?;
        if buf.len() >= PIECE {
            out.write_all(buf)?;
            buf.clear();
        }
    }
    buf.push(b']');
    Ok(())
}

fn write_metric(buf: &mut Vec<u8>, m: &Metric) -> io::Result<()> {
    object!(buf {
        "id": integer(buf, m.id),
        "start": integer(buf, m.start),
        "end": integer(buf, m.end),
        "text": string(buf, &m.text),
        "value": float(buf, m.value),
        "valueMax": optional_float(buf, m.value_max),
        "unit": string(buf, &m.unit),
        "kind": literal(buf, kind_json(m.kind)),
        "approx": literal(buf, approx_json(m.approx)),
        "indicator": string(buf, &m.indicator),
        "category": string(buf, &m.category),
        "heading": optional_integer(buf, m.heading),
    })
}

fn write_heading(buf: &mut Vec<u8>, h: &Heading) -> io::Result<()> {
    object!(buf {
        "id": integer(buf, h.id),
        "parent": optional_integer(buf, h.parent),
        "level": integer(buf, h.level),
        "marker": string(buf, &h.marker),
        "style": literal(buf, style_json(h.style)),
        "number": optional_integer(buf, h.number),
        "title": string(buf, &h.title),
        "start": integer(buf, h.start),
        "end": integer(buf, h.end),
        "role": literal(buf, role_json(h.role)),
        "sections": roles(buf, &h.sections),
    })
}

/// A heading's required parts, as serde_json writes a list of them.
fn roles(buf: &mut Vec<u8>, roles: &[Role]) -> io::Result<()> {
    buf.push(b'[');
    for (i, &role) in roles.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(role_json(Some(role)).as_bytes());
    }
    buf.push(b']');
    Ok(())
}

/// A finding: its two messages are most of its bytes, and serde_json escapes a string byte by byte.
fn write_finding(buf: &mut Vec<u8>, f: &Finding) -> io::Result<()> {
    buf.extend_from_slice(b"{\"id\":");
    integer(buf, f.id)?;
    buf.extend_from_slice(b",\"code\":");
    serde(buf, &f.code)?;
    buf.extend_from_slice(b",\"severity\":");
    serde(buf, &f.severity)?;
    buf.extend_from_slice(b",\"message\":");
    string(buf, &f.message)?;
    buf.extend_from_slice(b",\"messageEn\":");
    string(buf, &f.message_en)?;
    buf.extend_from_slice(b",\"params\":");
    serde(buf, &f.params)?;
    buf.extend_from_slice(b",\"start\":");
    optional_integer(buf, f.start)?;
    buf.extend_from_slice(b",\"end\":");
    optional_integer(buf, f.end)?;
    // Absent when empty, as the derive's `skip_serializing_if` says.
    if !f.related.is_empty() {
        buf.extend_from_slice(b",\"related\":");
        serde(buf, &f.related)?;
    }
    if !f.sources.is_empty() {
        buf.extend_from_slice(b",\"sources\":");
        serde(buf, &f.sources)?;
    }
    buf.push(b'}');
    Ok(())
}

/// The fieldless enums of the figures and headings as serde_json writes them (the derive's names;
/// the tests below compare every variant with serde_json): serde_json escaped each name byte by
/// byte for every figure and heading. A variant added to an enum fails to compile here until
/// it is added too.
fn kind_json(kind: MetricKind) -> &'static str {
    match kind {
        MetricKind::Count => "\"count\"",
        MetricKind::Money => "\"money\"",
        MetricKind::Percent => "\"percent\"",
        MetricKind::Duration => "\"duration\"",
        MetricKind::Measure => "\"measure\"",
    }
}

fn approx_json(approx: Option<Approx>) -> &'static str {
    match approx {
        None => "null",
        Some(Approx::Over) => "\"over\"",
        Some(Approx::Under) => "\"under\"",
        Some(Approx::About) => "\"about\"",
    }
}

fn style_json(style: HeadingStyle) -> &'static str {
    match style {
        HeadingStyle::CnDun => "\"cn-dun\"",
        HeadingStyle::CnParen => "\"cn-paren\"",
        HeadingStyle::NumDot => "\"num-dot\"",
        HeadingStyle::NumParen => "\"num-paren\"",
        HeadingStyle::Circled => "\"circled\"",
        HeadingStyle::Inline => "\"inline\"",
        HeadingStyle::RunIn => "\"run-in\"",
    }
}

fn role_json(role: Option<Role>) -> &'static str {
    match role {
        None => "null",
        Some(Role::Measures) => "\"measures\"",
        Some(Role::Duty) => "\"duty\"",
        Some(Role::Problems) => "\"problems\"",
        Some(Role::Plans) => "\"plans\"",
    }
}

fn literal(buf: &mut Vec<u8>, json: &str) -> io::Result<()> {
    buf.extend_from_slice(json.as_bytes());
    Ok(())
}

/// Any value, exactly as serde_json writes it.
fn serde(buf: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) -> io::Result<()> {
    serde_json::to_writer(buf, value).map_err(io::Error::from)
}

/// A string copied whole between quotes when no byte of it needs escaping (a quote, a
/// backslash, a control character); otherwise serde_json escapes it.
fn string(buf: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if needs_escape(s.as_bytes()) {
        return serde(buf, s);
    }
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    buf.extend_from_slice(s.as_bytes());
    buf.push(b'"');
    Ok(())
}

/// Whether any byte is one serde_json escapes, eight bytes at a time (SWAR: a byte below
/// 0x20, or equal to `"` or `\\`, sets its high bit in the tests below; a byte of 0x80 or more
/// never does, so CJK text passes at a few instructions per word).
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS != 0;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_ne_bytes(word.try_into().expect("eight bytes"));
        let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0;
        if below_space || has_zero_byte(w ^ (ONES * u64::from(b'"'))) || has_zero_byte(w ^ (ONES * u64::from(b'\\'))) {
            return true;
        }
    }
    words.remainder().iter().any(|&b| NEEDS_ESCAPE[usize::from(b)])
}

/// The bytes serde_json escapes in a string.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

fn integer(buf: &mut Vec<u8>, n: impl itoa::Integer) -> io::Result<()> {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    Ok(())
}

fn optional_integer(buf: &mut Vec<u8>, n: Option<impl itoa::Integer>) -> io::Result<()> {
    match n {
        Some(n) => integer(buf, n),
        None => {
            buf.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// A float as serde_json writes it: an integer below 10^15 (nearly every figure) as its digits
/// and `.0`, as serde_json's formatter does up to 10^16; anything else (fractions, -0.0, large or
/// non-finite values) through serde_json itself.
fn float(buf: &mut Vec<u8>, v: f64) -> io::Result<()> {
    // Exact: an integer below 10^15 is an i64 without rounding, and back. (Compared through the
    // i64, not with `fract`, which is a call to libm's `trunc` on baseline x86-64.)
    if v.abs() < 1e15 && (v as i64) as f64 == v && !(v == 0.0 && v.is_sign_negative()) {
        integer(buf, v as i64)?;
        buf.extend_from_slice(b".0");
        return Ok(());
    }
    serde(buf, &v)
}

fn optional_float(buf: &mut Vec<u8>, v: Option<f64>) -> io::Result<()> {
    match v {
        Some(v) => float(buf, v),
        None => {
            buf.extend_from_slice(b"null");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{approx_json, float, kind_json, needs_escape, role_json, roles, style_json, NEEDS_ESCAPE};
    use crate::result::{Approx, HeadingStyle, MetricKind, Role};
    use proptest::prelude::*;

    #[test]
    fn every_variant_is_written_as_serde_json_writes_it() {
        use HeadingStyle::*;
        use MetricKind::*;
        for k in [Count, Money, Percent, Duration, Measure] {
            assert_eq!(kind_json(k), serde_json::to_string(&k).unwrap());
        }
        for a in [None, Some(Approx::Over), Some(Approx::Under), Some(Approx::About)] {
            assert_eq!(approx_json(a), serde_json::to_string(&a).unwrap());
        }
        for s in [CnDun, CnParen, NumDot, NumParen, Circled, Inline, RunIn] {
            assert_eq!(style_json(s), serde_json::to_string(&s).unwrap());
        }
        for r in Role::ALL.map(Some).into_iter().chain([None]) {
            assert_eq!(role_json(r), serde_json::to_string(&r).unwrap());
        }
        for list in [&[][..], &Role::ALL[..1], &Role::ALL[..]] {
            let mut buf = Vec::new();
            roles(&mut buf, list).unwrap();
            assert_eq!(buf, serde_json::to_vec(list).unwrap());
        }
    }

    fn naive(bytes: &[u8]) -> bool {
        bytes.iter().any(|&b| NEEDS_ESCAPE[usize::from(b)])
    }

    #[test]
    fn each_byte_at_each_place_of_a_word() {
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = "法治政府建设".as_bytes()[..17].to_vec();
                bytes[at] = b;
                assert_eq!(needs_escape(&bytes), naive(&bytes), "byte {b:#04x} at {at}");
            }
        }
    }

    fn floats_agree(v: f64) {
        let mut buf = Vec::new();
        float(&mut buf, v).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&v).unwrap(), "{v:e}");
    }

    #[test]
    fn floats_at_the_edges_are_written_as_serde_json_writes_them() {
        let edges = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e15 - 1.0, 1e15, 1e15 + 1.0, -1e15 + 1.0, 1e16, 1e16 - 2.0, 1e21, 1e22, 2f64.powi(53), f64::MAX, f64::MIN_POSITIVE, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.25e-7];
        for v in edges {
            floats_agree(v);
        }
    }

    proptest! {
        #[test]
        fn floats_are_written_as_serde_json_writes_them(v in any::<f64>(), n in -2_000_000_000_000_000i64..2_000_000_000_000_000, scale in 0i32..4) {
            floats_agree(v);
            floats_agree(n as f64 / 10f64.powi(scale));
        }

        #[test]
        fn agrees_with_the_table(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(needs_escape(&bytes), naive(&bytes));
        }
    }
}
