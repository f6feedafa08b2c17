//! Metadata strings made into fields: the date parsed, the outlet named the
//! one way the alias table names it, and what is missing read from the
//! article's first lines. A date that cannot be read is left out and said
//! so (a load issue), never shown mangled.

use super::Meta;
use super::date::Date;
use super::dateline::read_head;
use super::outlet::{Outlets, host_of};

/// Which field a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Source,
}

/// A metadata value that could not be used, said in the load issues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaProblem {
    pub field: Field,
    pub message: String,
}

/// Where an article's outlet and date came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Origin {
    /// Not known.
    #[default]
    None,
    /// Front matter, a JSON field, a page's metadata or the sidecar file.
    Metadata,
    /// The web address's domain.
    Url,
    /// A dateline, byline or dated line in the first lines.
    Text,
}

/// The typed date, and where the outlet and date came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Resolved {
    pub date: Option<Date>,
    pub source_from: Origin,
    pub date_from: Origin,
}

/// Fills `meta` in: `date` becomes ISO text ("2023-03-05", "2022-12",
/// "2023") of the date returned, `source` the outlet's name. Missing ones
/// come from the URL's domain (outlet) or the first lines of `body`.
pub fn resolve(meta: &mut Meta, body: &str, outlets: &Outlets, problems: &mut Vec<MetaProblem>) -> Resolved {
    let mut r = Resolved::default();
    if let Some(raw) = meta.date.take() {
        match Date::parse(&raw) {
            Ok(d) => {
                r.date = Some(d);
                r.date_from = Origin::Metadata;
            }
            Err(e) => problems.push(MetaProblem {
                field: Field::Date,
                message: format!("date left out: {e}"),
            }),
        }
    }
    match meta.source.take().filter(|s| !s.trim().is_empty()) {
        Some(s) => {
            meta.source = Some(outlets.normalise(&s));
            r.source_from = Origin::Metadata;
        }
        None => {
            if let Some(host) = meta.url.as_deref().and_then(host_of) {
                meta.source = Some(outlets.normalise(host));
                r.source_from = Origin::Url;
            }
        }
    }
    if meta.source.is_none() || r.date.is_none() {
        let head = read_head(body, outlets);
        if meta.source.is_none()
            && let Some(o) = head.outlet
        {
            meta.source = Some(outlets.normalise(&o));
            r.source_from = Origin::Text;
        }
        if r.date.is_none() {
            match (head.date, head.bad_date) {
                (Some(d), _) => {
                    r.date = Some(d);
                    r.date_from = Origin::Text;
                }
                // a date line that could not be read, and no other date
                (None, Some(why)) => problems.push(MetaProblem {
                    field: Field::Date,
                    message: format!("date left out: {why}"),
                }),
                (None, None) => {}
            }
        }
    }
    meta.date = r.date.map(|d| d.to_string());
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(meta: Meta, body: &str) -> (Meta, Resolved, Vec<MetaProblem>) {
        let mut meta = meta;
        let mut problems = Vec::new();
        let r = resolve(&mut meta, body, &Outlets::bundled(), &mut problems);
        (meta, r, problems)
    }

    #[test]
    fn a_date_line_that_cannot_be_read_is_a_problem_unless_another_date_is_found() {
        let (m, _, p) = run(Meta::default(), "Trade hits record\n\n03/05/2023\n\nTrade rose.");
        assert_eq!(m.date, None);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message.starts_with("date left out: ambiguous: 3/5/2023"),
            "{p:?}"
        );
        let (m, _, p) = run(Meta::default(), "Title\n\n31/31/2023\n\nText.");
        assert_eq!((m.date, p.len()), (None, 1));
        // another date in the head wins, and nothing is said
        let (m, _, p) = run(
            Meta::default(),
            "Title\n\n03/05/2023\nPublished: March 5, 2023\n\nText.",
        );
        assert_eq!((m.date.as_deref(), p.len()), (Some("2023-03-05"), 0));
        // ordinary lines are no date lines
        let (_, _, p) = run(Meta::default(), "Title\n\nThe vote was 3-5 on Tuesday.\n\nText.");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn metadata_first_then_url_then_text() {
        let m = Meta {
            source: Some("SCMP".into()),
            date: Some("March 5, 2023".into()),
            ..Meta::default()
        };
        let (m, r, p) = run(m, "MOSCOW (Reuters) - text");
        assert_eq!(m.source.as_deref(), Some("South China Morning Post"));
        assert_eq!(m.date.as_deref(), Some("2023-03-05"));
        assert_eq!((r.source_from, r.date_from), (Origin::Metadata, Origin::Metadata));
        assert!(p.is_empty());

        let m = Meta {
            url: Some("https://www.reuters.com/world/x".into()),
            ..Meta::default()
        };
        let (m, r, _) = run(m, "BEIJING, July 24. /TASS/. text");
        assert_eq!(m.source.as_deref(), Some("Reuters"));
        assert_eq!(r.source_from, Origin::Url);

        let (m, r, _) = run(Meta::default(), "March 5, 2021 (Xinhua) -- text");
        assert_eq!(m.source.as_deref(), Some("Xinhua"));
        assert_eq!(m.date.as_deref(), Some("2021-03-05"));
        assert_eq!((r.source_from, r.date_from), (Origin::Text, Origin::Text));
    }

    #[test]
    fn a_bad_date_is_a_problem_and_left_out() {
        let m = Meta {
            date: Some("31/31/2023".into()),
            ..Meta::default()
        };
        let (m, r, p) = run(m, "Nothing dated here.");
        assert_eq!(m.date, None);
        assert_eq!(r.date, None);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].field, Field::Date);
        assert!(p[0].message.contains("31/31/2023"), "{}", p[0].message);
        // the text's date is used instead, the problem still said
        let m = Meta {
            date: Some("soon".into()),
            ..Meta::default()
        };
        let (m, _, p) = run(m, "Headline\nPublished: Sep 19, 2023\n\nText.");
        assert_eq!(m.date.as_deref(), Some("2023-09-19"));
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn resolving_twice_changes_nothing() {
        let m = Meta {
            source: Some("RT (batonrougepost.com)".into()),
            date: Some("Tue, 19 Sep 2023 10:00:00 GMT".into()),
            ..Meta::default()
        };
        let (m, r, _) = run(m, "x");
        let (m2, r2, p2) = run(m.clone(), "x");
        assert_eq!((m, r.date), (m2, r2.date));
        assert!(p2.is_empty());
    }
}
