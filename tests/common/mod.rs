//! Helpers shared by the integration tests: files (seeds, fixtures, data tables), UTF-16
//! spans as JavaScript takes them, and random text (`random`). Each test binary compiles this
//! module and uses a part of it.
#![allow(dead_code)]

pub mod random;
pub mod shapes;

/// A file under the crate root (`"tests/data/review/seeds.toml"`), as text.
pub fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Every seed under tests/fixtures as (file name, text), in name order.
pub fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// `text[start..end]` in UTF-16 code units, as JavaScript's `slice` takes it; panics when a
/// span splits a surrogate pair (a broken offset, not a test's business to paper over).
pub fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap_or_else(|_| panic!("span {start}..{end} splits a character"))
}

/// The UTF-16 offset of byte offset `byte` of `text`.
pub fn utf16_at(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

/// The UTF-16 length of `text`.
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The seed under tests/fixtures whose file name starts with `prefix` (`"003"`).
pub fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    std::fs::read_to_string(path).unwrap()
}

/// Seed 003's issuer's "2020" report: every number changed (each digit d → (d+3) mod 10 in
/// the measures chapters), the problems section copied verbatim, the plans section reworded.
pub fn next_year_version(old: &str) -> String {
    let problems = old.find("八、存在的困难和问题").expect("problems heading");
    let plans = old.find("九、加强法治政府建设的建议").expect("plans heading");
    let edited: String = old[..problems]
        .replace("2019年", "2020年")
        .replace("2020-04-20", "2021-03-20")
        .chars()
        .map(|c| match c.to_digit(10) {
            // Years stay (a figure edit, not a date edit): only digits inside figures change.
            Some(d) if !matches!(d, 0 | 2) => char::from_digit((d + 3) % 10, 10).unwrap(),
            _ => c,
        })
        .collect();
    let problems_section = &old[problems..plans];
    let reworded_plans = "九、下一年度工作打算\n\n\
        来年我们将着眼于补齐短板,把依法行政贯穿政府工作全过程。\
        首先,针对基层执法队伍力量薄弱的现状,计划通过公开招录与跨部门调剂相结合的办法充实一线力量,\
        并依托县委党校举办专题轮训,让每名执法者都能熟练掌握新修订的行政处罚法。\
        其次,围绕营商环境优化,拟对现行涉企规范性文件逐件开展清理,凡与上位法相抵触或不利于公平竞争的一律废止。\
        再次,深化府院联动,定期邀请法官就败诉案件开展以案释法,推动行政争议在诉前得到实质性化解。\n";
    format!("{edited}{problems_section}{reworded_plans}")
}
