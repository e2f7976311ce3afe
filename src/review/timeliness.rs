//! Timeliness: an annual report on year Y is due by the deadline of 督察工作规定 第二十六条
//! (`vocab::regulation::deadline`, 1 April of Y+1). `late-publication` when the page
//! metadata or the signature date says it came later.

use crate::chrome::Page;
use crate::result::{DocumentKind, FindingCode, Period, Severity, Timeliness, TimelinessStatus};
use crate::vocab::regulation;

use super::ReviewFinding;
use crate::vocab::messages::Message;

pub fn check(page: &Page) -> (Timeliness, Vec<ReviewFinding>) {
    let meta = &page.meta;
    let published = meta.published;
    let mut timeliness = Timeliness { status: TimelinessStatus::Unknown, deadline: None, published: published.map(|d| d.to_string()) };
    let mut findings = Vec::new();
    if meta.kind != DocumentKind::RuleOfLawReport {
        // Not a 法治政府建设 report: 第二十六条 does not apply.
        timeliness.status = TimelinessStatus::NotApplicable;
        return (timeliness, findings);
    }
    match (meta.period, meta.report_year) {
        (Some(Period::Year), Some(year)) => {
            let deadline = regulation::deadline(year);
            timeliness.deadline = Some(deadline.to_string());
            if let Some(published) = published {
                if published > deadline {
                    timeliness.status = TimelinessStatus::Late;
                    findings.push(ReviewFinding::new(
                        FindingCode::LatePublication,
                        Severity::Warning,
                        Message::LatePublication {
                            year,
                            deadline,
                            published,
                            days: published.days() - deadline.days(),
                        },
                        meta.published_at,
                    ));
                } else {
                    timeliness.status = TimelinessStatus::OnTime;
                }
            }
        }
        (Some(Period::Year), None) | (None, _) => {}
        (Some(_), _) => timeliness.status = TimelinessStatus::NotApplicable,
    }
    (timeliness, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::{self, PageMeta};
    use crate::vocab::dates::Date;
    use crate::text::Text;

    fn meta_only(period: Option<Period>, year: Option<i32>, published: Option<Date>) -> Page {
        Page { meta: PageMeta { report_year: year, period, published, ..PageMeta::default() }, ..Page::default() }
    }

    fn date(year: i32, month: u32, day: u32) -> Option<Date> {
        Some(Date { year, month, day })
    }

    #[test]
    fn late_annual_report_gives_both_dates_and_the_metadata_date_as_evidence() {
        let text = Text::new("公安县2019年法治政府建设工作报告\n发布时间:2020-04-20 16:52\n一、主要工作\n正文。");
        let (t, f) = check(&chrome::read_page(&text));
        assert_eq!(t.status, TimelinessStatus::Late);
        assert_eq!(t.deadline.as_deref(), Some("2020-04-01"));
        assert_eq!(t.published.as_deref(), Some("2020-04-20"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, FindingCode::LatePublication);
        assert!(f[0].message.zh().contains("2020年4月1日") && f[0].message.zh().contains("2020年4月20日"), "{}", f[0].message.zh());
        assert!(f[0].message.zh().contains("19天"), "{}", f[0].message.zh());
        assert_eq!(text.get(f[0].span.unwrap()), "2020-04-20");
    }

    #[test]
    fn signature_date_in_chinese_numerals_is_the_evidence() {
        let text = Text::new("某某局2023年法治政府建设工作报告\n一、主要工作\n正文。\n某某局\n二〇二四年五月六日");
        let (t, f) = check(&chrome::read_page(&text));
        assert_eq!(t.status, TimelinessStatus::Late);
        assert_eq!(text.get(f[0].span.unwrap()), "二〇二四年五月六日");
    }

    #[test]
    fn on_time_unknown_and_not_applicable() {
        let cases = [
            // (period, year, published, status, findings)
            (Some(Period::Year), Some(2024), date(2024, 12, 23), TimelinessStatus::OnTime, 0),
            (Some(Period::Year), Some(2024), date(2025, 4, 1), TimelinessStatus::OnTime, 0),
            (Some(Period::Year), Some(2024), date(2025, 4, 2), TimelinessStatus::Late, 1),
            (Some(Period::Year), Some(2024), None, TimelinessStatus::Unknown, 0),
            (Some(Period::Year), None, date(2025, 6, 1), TimelinessStatus::Unknown, 0),
            (None, Some(2024), date(2025, 6, 1), TimelinessStatus::Unknown, 0),
            (Some(Period::HalfYear), Some(2022), date(2022, 8, 3), TimelinessStatus::NotApplicable, 0),
            (Some(Period::MidTerm), Some(2023), date(2024, 8, 3), TimelinessStatus::NotApplicable, 0),
        ];
        for (period, year, published, status, n) in cases {
            let (t, f) = check(&meta_only(period, year, published));
            assert_eq!((t.status, f.len()), (status, n), "{period:?} {year:?} {published:?}");
        }
        // No written date to point at: the finding stands without a span.
        let (_, f) = check(&meta_only(Some(Period::Year), Some(2023), date(2024, 6, 1)));
        assert_eq!(f[0].span, None);
    }
}
