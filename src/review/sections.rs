//! The four required parts of an annual report (督察工作规定 第二十五条, see
//! `vocab::regulation`): which heading carries each, and `section-missing` for the ones not found.
//!
//! Headings name their part through `parts` (outline). Two gaps are closed here, where
//! reports commonly diverge from the regulation's wording: work chapters before the
//! problems part are the measures part even when none says 主要举措 (a half-year report
//! numbered 一 … 十 then 十一、存在的问题及下一步打算), and a forward-looking chapter after the
//! problems part (九、加强法治政府建设的建议, 四、2023年…) is the plans part. Both rules are
//! `vocab::regulation`'s.

use crate::chrome::Page;
use crate::outline::Outline;
use crate::result::{DocumentKind, FindingCode, HeadingStyle, Period, RequiredPart, Role, Sections, Severity};
use crate::text::Text;
use crate::vocab::regulation;
use crate::vocab::messages::Message;

use super::ReviewFinding;

/// Which heading carries each required part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    /// Indexed like `Role::ALL`.
    pub heading: [Option<usize>; 4],
    /// Every heading that makes up the measures part (several when the report spreads its
    /// work over top-level chapters).
    pub measures: Vec<usize>,
    /// Whether the outline gave anything to judge by.
    pub has_outline: bool,
    /// The problems part was found but states no causes (第二十五条(二) asks for both).
    pub causes_missing: bool,
}

fn index(role: Role) -> usize {
    Role::ALL.iter().position(|r| *r == role).unwrap_or(0)
}

impl Parts {
    pub fn get(&self, role: Role) -> Option<usize> {
        self.heading[index(role)]
    }

    /// Whether the part is there in full: the problems part only with its causes.
    fn present(&self, role: Role) -> bool {
        self.get(role).is_some() && !(role == Role::Problems && self.causes_missing)
    }

    pub fn sections(&self) -> Sections {
        Sections {
            measures: self.present(Role::Measures),
            duty: self.present(Role::Duty),
            problems: self.present(Role::Problems),
            plans: self.present(Role::Plans),
        }
    }

    pub fn required_parts(&self) -> Vec<RequiredPart> {
        Role::ALL.iter().map(|&part| RequiredPart { part, present: self.present(part), heading: self.get(part) }).collect()
    }
}

pub fn find(text: &Text, page: &Page, outline: &Outline) -> Parts {
    let hs = &outline.headings;
    let numbered = |i: usize| hs[i].family.style() != HeadingStyle::Inline;
    let mut parts = Parts { has_outline: (0..hs.len()).any(numbered), ..Parts::default() };
    let title = |i: usize| text.get(hs[i].title);
    let names = |i: usize, role: Role| {
        hs[i].parts.contains(&role) || (role == Role::Duty && regulation::names_duty(title(i)))
    };
    // Inline 一是 items are sentences, not parts: only numbered headings make the structure.
    let Some(top) = (0..hs.len()).filter(|&i| numbered(i)).map(|i| hs[i].level).min() else { return parts };
    for role in Role::ALL {
        // The shallowest numbered heading naming the part, the first one among equals. An
        // inline 一是 is a sentence, not a part; the duty part counts wherever it stands,
        // the others only as chapters or their first subdivisions (a deep `3.` whose title
        // runs on into its text names nothing).
        parts.heading[index(role)] = (0..hs.len())
            .filter(|&i| numbered(i) && (role == Role::Duty || hs[i].level <= top + 1))
            .filter(|&i| names(i, role))
            // A heading naming the part first beats one naming it in passing
            // (二、…第一责任人职责工作情况 is the duty part, not the measures).
            .min_by_key(|&i| (hs[i].level, hs[i].parts.first() != Some(&role), i));
    }
    let top_level: Vec<usize> = (0..hs.len()).filter(|&i| numbered(i) && hs[i].level == top).collect();
    let has_role = |i: usize| Role::ALL.iter().any(|&r| names(i, r));

    match parts.get(Role::Measures) {
        Some(m) => {
            parts.measures = vec![m];
            // Further top-level chapters naming measures (一、主要工作 … 二、工作情况).
            parts.measures.extend(top_level.iter().copied().filter(|&i| i != m && hs[i].parts.first() == Some(&Role::Measures)));
        }
        None => {
            // Work chapters before the first chapter that names another part.
            let chapters: Vec<(usize, bool)> = top_level.iter().map(|&i| (i, has_role(i))).collect();
            parts.measures = regulation::unnamed_measures(&chapters, false);
            parts.heading[index(Role::Measures)] = parts.measures.first().copied();
        }
    }

    if parts.get(Role::Duty).is_none() {
        parts.heading[index(Role::Duty)] = duty_item(text, outline);
    }
    if let Some(p) = parts.get(Role::Problems) {
        parts.causes_missing = !causes_stated(text, outline, p);
    }

    if parts.get(Role::Plans).is_none() {
        if let Some(p) = parts.get(Role::Problems) {
            parts.heading[index(Role::Plans)] = top_level
                .iter()
                .copied()
                .filter(|&i| i > p && !has_role(i))
                .find(|&i| regulation::plans_after_problems(title(i), page.meta.report_year));
        }
    }
    parts
}

/// The duty part where a report states it as an item of its work rather than a numbered
/// heading: `一是认真履行第一责任人职责…`. Not an item of the problems or plans part (a plan
/// to 落实第一责任人制度 reports no duty performed).
fn duty_item(text: &Text, outline: &Outline) -> Option<usize> {
    let hs = &outline.headings;
    let under_problems_or_plans = |mut k: usize| loop {
        if hs[k].parts.iter().any(|r| matches!(r, Role::Problems | Role::Plans)) {
            return true;
        }
        match hs[k].parent {
            Some(p) => k = p,
            None => return false,
        }
    };
    (0..hs.len()).find(|&i| {
        hs[i].family.style() == HeadingStyle::Inline && regulation::names_duty(text.get(hs[i].title)) && !under_problems_or_plans(i)
    })
}

/// Whether the problems part (heading `p`) states causes: a cause word in its text or its
/// sub-headings (`究其原因`, `主要是由于`, `(二)原因分析`), or another heading naming causes.
/// Its own title does not count: `三、存在的不足和原因` over a list of shortcomings alone
/// promises causes without giving them.
fn causes_stated(text: &Text, outline: &Outline, p: usize) -> bool {
    let h = &outline.headings[p];
    let s = text.norm();
    let inside = &s[h.span.end.min(h.scope.end)..h.scope.end];
    regulation::CAUSE_WORDS.iter().any(|w| inside.contains(w))
        || cause_clause(inside)
        || outline.headings.iter().enumerate().any(|(i, o)| i != p && text.get(o.title).contains(regulation::CAUSES_HEADING))
}

/// A clause opening with 因 (`…人员不足,因执法人员流动性较大`), not 因此 / 因而 (therefore).
fn cause_clause(t: &str) -> bool {
    let because = regulation::BECAUSE;
    t.match_indices(because).any(|(at, _)| {
        let before = t[..at].chars().next_back();
        let after = t[at + because.len_utf8()..].chars().next();
        before.is_some_and(|c| regulation::CLAUSE_STARTS.contains(&c)) && after.is_some_and(|c| !regulation::NOT_CAUSE_AFTER_BECAUSE.contains(&c))
    })
}

/// One `section-missing` per required part not found: an error for an annual report,
/// information for any other period; one `causes-missing` when the problems part states no causes.
pub fn check(page: &Page, parts: &Parts, outline: &Outline) -> Vec<ReviewFinding> {
    if !parts.has_outline || page.meta.kind != DocumentKind::RuleOfLawReport || outline.omitted.is_some() {
        // Without any heading the parts cannot be told apart; a document that is not a
        // 法治政府建设 report owes none of them; an outline cut at its budget may have left
        // the part out: no verdict.
        return Vec::new();
    }
    let period = page.meta.period;
    let causes = parts.get(Role::Problems).filter(|_| parts.causes_missing).map(|p| {
        let h = &outline.headings[p];
        let severity = if period == Some(Period::Year) { Severity::Warning } else { Severity::Info };
        ReviewFinding::new(FindingCode::CausesMissing, severity, Message::CausesMissing, Some(h.span))
    });
    Role::ALL
        .iter()
        .filter(|&&role| parts.get(role).is_none())
        .map(|&part| match period {
            Some(Period::Year) => {
                ReviewFinding::new(FindingCode::SectionMissing, Severity::Error, Message::SectionMissingAnnual { part }, None)
            }
            other => ReviewFinding::new(
                FindingCode::SectionMissing,
                Severity::Info,
                Message::SectionMissingOther { part, period: other },
                None,
            ),
        })
        .chain(causes)
        .collect()
}
