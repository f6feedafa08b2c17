//! What the first lines of an article say about where and when it comes
//! from, for articles whose metadata does not: wire datelines ("MOSCOW
//! (Reuters) -", "BEIJING, July 24. /TASS/.", "March 5, 2021 (Xinhua) --"),
//! bylines ("By Jane Roe, CNN"), "Source: ..." lines and dated lines
//! ("Published: Sep 19, 2023").

use std::sync::LazyLock;

use regex::Regex;

use super::date::Date;
use super::outlet::Outlets;

/// How far into the text datelines and bylines are looked for.
const HEAD_LINES: usize = 12;
const HEAD_BYTES: usize = 3000;

/// What the head of an article gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The outlet as written (normalise it through the alias table).
    pub outlet: Option<String>,
    pub date: Option<Date>,
}

/// "(Reuters) -", "(Xinhua) --", "(AP) —": an agency in brackets, then a dash.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([A-Z][A-Za-z.&'’ -]{0,38}[A-Za-z.])\)\s*(?:--|-|—|–|:)").expect("valid regex")
});
/// "/TASS/." "/Xinhua/ -": an agency between slashes.
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/([A-Z][A-Za-z-]{1,20})/\s*(?:\.|-|—|–|:)").expect("valid regex"));
/// "By Jane Roe, CNN" / "By Jane Roe and John Doe | Reuters".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][a-z]+ )?(?i:by)\s+[^,|\n]{2,80}?\s*[,|]\s*([A-Z][\w&.'’ -]{0,40}[\w.])\s*$")
        .expect("valid regex")
});
/// "Source: Global Times", "Source | Xinhua".
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source)\s*[:|]\s*([A-Z][\w&.'’ -]{0,40}[\w.])\s*$").expect("valid regex")
});
/// "Published: ...", "Published on ...", "Posted ...", "Date: ...".
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:published|posted|date|first published|release date)\b").expect("valid regex")
});
static UPDATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:updated|last updated|modified)\b").expect("valid regex"));

/// An agency's name as datelines write it: a known outlet, or one to four
/// capitalised words ("Reuters", "AP", "Kyodo News").
fn plausible(name: &str, outlets: &Outlets) -> bool {
    if outlets.lookup(name).is_some() {
        return true;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !matches!(name, "AFP Photo" | "Photo" | "File" | "Video")
}

/// How many lines at the end are read for a closing "Source: ..." line or
/// a print-edition note.
const FOOT_LINES: usize = 3;

/// "... appeared in the South China Morning Post print edition".
static PRINT_EDITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)appeared in (?:the )?(.{2,60}?) print edition").expect("valid regex"));

/// Reads the head of `body` (and, for the outlet, its last lines).
pub fn read_head(body: &str, outlets: &Outlets) -> Head {
    let mut head = Head::default();
    let mut published = None;
    let mut dateline_date = None;
    let mut bare_date = None;
    let mut updated = None;
    let end = body.len().min(HEAD_BYTES);
    let end = (0..=end).rev().find(|&i| body.is_char_boundary(i)).unwrap_or(0);
    let lines: Vec<&str> = body[..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    for (n, &line) in lines.iter().enumerate() {
        // the opening of a line only: a bracket deep in a paragraph is no dateline
        let opening = match line.char_indices().nth(90) {
            Some((i, _)) => &line[..i],
            None => line,
        };
        // a short line under the headline: a byline, an outlet's name, "Name | date"
        let short = n > 0 && line.chars().count() <= 80;
        let mut line_date = None;
        if short && line.contains(" | ") {
            for part in line.split(" | ") {
                if let Ok(d) = Date::parse(part)
                    && d.month().is_some()
                {
                    line_date.get_or_insert(d);
                }
            }
        }
        if head.outlet.is_none() {
            let found = BRACKETED
                .captures(opening)
                .or_else(|| SLASHED.captures(opening))
                .map(|c| c[1].trim().to_string())
                .filter(|n| plausible(n, outlets))
                .or_else(|| {
                    BYLINE
                        .captures(line)
                        .or_else(|| SOURCE.captures(line))
                        .map(|c| c[1].trim().to_string())
                        .filter(|n| byline_outlet(n, outlets))
                });
            if let Some(o) = found {
                head.outlet = Some(o);
                if let Some((d, _)) = Date::find(opening) {
                    dateline_date.get_or_insert(d);
                }
            } else if short {
                head.outlet = outlet_in_line(line, outlets, line_date.is_some());
            }
        }
        if let Some(d) = line_date {
            published.get_or_insert(d);
        } else if PUBLISHED.is_match(line) {
            if let Some((d, _)) = Date::find(line) {
                published.get_or_insert(d);
            }
        } else if UPDATED.is_match(line) {
            if let Some((d, _)) = Date::find(line) {
                updated.get_or_insert(d);
            }
        } else if bare_date.is_none()
            && line.len() <= 60
            && let Ok(d) = Date::parse(line.trim_start_matches(|c: char| !c.is_alphanumeric()))
            && d.month().is_some()
        {
            bare_date = Some(d);
        }
    }
    if head.outlet.is_none() && lines.len() > 1 {
        head.outlet = read_foot(body, outlets);
    }
    head.date = published.or(dateline_date).or(bare_date).or(updated);
    head
}

/// A closing "Source: Al Jazeera and news agencies" line, or "This article
/// appeared in the South China Morning Post print edition": known outlets only.
fn read_foot(body: &str, outlets: &Outlets) -> Option<String> {
    for line in body
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(FOOT_LINES)
    {
        if let Some(c) = PRINT_EDITION.captures(line)
            && outlets.lookup(&c[1]).is_some()
        {
            return Some(c[1].to_string());
        }
        if let Some(c) = SOURCE_LINE.captures(line) {
            let name = strip_agencies(&c[1]);
            if outlets.lookup(name).is_some() {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// "Source: Al Jazeera and news agencies", "Source: Xinhua".
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*[:|]\s*(.{2,60}?)\s*$").expect("valid regex"));

fn strip_agencies(name: &str) -> &str {
    let lower = name.to_lowercase();
    for tail in [
        " and news agencies",
        " and agencies",
        " with agencies",
        " staff and agencies",
        " staff",
    ] {
        if lower.ends_with(tail) && name.is_char_boundary(name.len() - tail.len()) {
            return name[..name.len() - tail.len()].trim();
        }
    }
    name
}

/// The outlet a short line under the headline names: "Associated Press",
/// "BBC News, Kestrin", "Grace Tan in Valdor / South China Morning Post",
/// "Grace Tan in Valdor | SCMP", "Julia Marr, Guardian diplomatic editor",
/// "Guardian staff and agencies", "Source: Xinhua | 2024-04-10". A part
/// must be a known outlet, or begin with one and go on in lowercase words
/// (a role); with `dated` (the line holds a date: "Kestrin Gazette |
/// 2023/06/28") a plausible unknown name is taken too.
fn outlet_in_line(line: &str, outlets: &Outlets, dated: bool) -> Option<String> {
    if line.ends_with(['.', '!', '?', '"', '”', ':']) {
        return None;
    }
    let parts: Vec<&str> = line
        .split(" | ")
        .flat_map(|p| p.split(" / "))
        .flat_map(|p| p.split(", "))
        .map(|p| {
            let p = p.trim();
            let p = SOURCE_PREFIX.find(p).map_or(p, |m| &p[m.end()..]);
            // "By Al Jazeera Staff"
            let p = p
                .strip_prefix("By ")
                .or_else(|| p.strip_prefix("by "))
                .unwrap_or(p);
            strip_agencies(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    for part in &parts {
        if outlets.lookup(part).is_some() {
            return Some(part.to_string());
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() > 5 {
            continue;
        }
        for k in (1..words.len()).rev() {
            let name = words[..k].join(" ");
            let rest_is_role = words[k..]
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()));
            if rest_is_role && outlets.lookup(&name).is_some() {
                return Some(name);
            }
        }
    }
    if dated {
        return parts
            .iter()
            .find(|p| Date::parse(p).is_err() && plausible(p, outlets) && !p.contains(':'))
            .map(|p| p.to_string());
    }
    None
}

static SOURCE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*:\s*").expect("valid regex"));

/// A byline's last part names an outlet only when the table knows it or it
/// is an abbreviation ("CNN"): "By Jane Roe, Senior Correspondent" does not.
fn byline_outlet(name: &str, outlets: &Outlets) -> bool {
    outlets.lookup(name).is_some()
        || (name.len() <= 6 && name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> (Option<String>, Option<String>) {
        let o = Outlets::bundled();
        let h = read_head(text, &o);
        (h.outlet.map(|s| o.normalise(&s)), h.date.map(|d| d.to_string()))
    }

    fn both(o: &str, d: &str) -> (Option<String>, Option<String>) {
        (Some(o.into()), Some(d.into()))
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            head("Ministers meet in the capital\n\nMOSCOW (Reuters) - Two ministers met on Monday."),
            (Some("Reuters".into()), None)
        );
        assert_eq!(
            head("Talks go on\n\nBEIJING, July 24. /TASS/. The talks went on."),
            (Some("TASS".into()), None)
        );
        assert_eq!(
            head("A meeting\nMarch 5, 2021 (Xinhua) -- Officials met in the city."),
            both("Xinhua", "2021-03-05")
        );
        assert_eq!(
            head("Headline\n\nSEOUL, Jan. 9 (Yonhap) -- The ministry said."),
            (Some("Yonhap".into()), None)
        );
        assert_eq!(
            head("Headline\n\nWASHINGTON (AP) — Lawmakers voted."),
            (Some("AP".into()), None)
        );
    }

    #[test]
    fn bylines_and_published_lines() {
        assert_eq!(
            head("Headline here\nBy Jane Roe and Sam Poe, CNN\nPublished: Sep 19, 2023\n\nText."),
            both("CNN", "2023-09-19")
        );
        assert_eq!(
            head("Headline here\nBy Jane Roe, Senior Correspondent\n\nText."),
            (None, None),
            "a job title is no outlet"
        );
        assert_eq!(
            head("Headline\nSource: Global Times\n\nText."),
            (Some("Global Times".into()), None)
        );
        assert_eq!(
            head("Headline\nUpdated: 20 September 2023\nPublished on 19 September 2023\n\nText."),
            (None, Some("2023-09-19".into())),
            "published beats updated"
        );
        assert_eq!(
            head("Headline\n5 March 2023\n\nText."),
            (None, Some("2023-03-05".into()))
        );
    }

    #[test]
    fn outlets_on_short_lines_under_the_headline() {
        let h = |s: &str| head(s).0;
        assert_eq!(
            h("Harbour reopens\n\nBy ANNA LIND\nAssociated Press\n\nText."),
            Some("AP".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nBy Ola Berg\nBBC News, Oslo\n\nText."),
            Some("BBC".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nMing Lau in Taipei / South China Morning Post\n\nText."),
            Some("South China Morning Post".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nMing Lau in Taipei | SCMP\n\nText."),
            Some("South China Morning Post".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nOla Berg, Guardian economics editor\n\nText."),
            Some("The Guardian".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nGuardian staff and agencies\n\nText."),
            Some("The Guardian".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nBy Reuters Staff\n\nText."),
            Some("Reuters".into())
        );
        assert_eq!(h("Harbour reopens\n\nBy Ola Berg\n\nText."), None);
        assert_eq!(
            h("Harbour reopens\n\nAnalysis by Ming Lau, Reuters\n\nText."),
            Some("Reuters".into())
        );
        assert_eq!(
            head("Harbour reopens\n\nNorthport Herald | 2022/11/04\n\nText."),
            both("Northport Herald", "2022-11-04")
        );
        assert_eq!(
            head("Harbour reopens\n\nSource: Xinhua | 2022-11-04 08:12:00\n\nText."),
            both("Xinhua", "2022-11-04")
        );
        // a sentence that starts with an outlet's name is no byline
        assert_eq!(h("Harbour reopens\n\nReuters reported the news.\n\nText."), None);
        assert_eq!(
            h("Harbour reopens\n\nNorthport Herald\n\nText."),
            None,
            "unknown, undated"
        );
    }

    #[test]
    fn closing_source_lines() {
        let h = |s: &str| head(s).0;
        assert_eq!(
            h("Harbour reopens\n\nText here.\n\nSource: Al Jazeera and news agencies"),
            Some("Al Jazeera".into())
        );
        assert_eq!(
            h(
                "Harbour reopens\n\nText here.\n\nThis article appeared in the South China Morning Post print edition as: Harbour"
            ),
            Some("South China Morning Post".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nText here.\n\nAdditional reporting by Reuters"),
            None
        );
    }

    #[test]
    fn brackets_in_ordinary_text_are_no_dateline() {
        assert_eq!(
            head("Headline\n\nThe minister said (local time) - nothing."),
            (None, None)
        );
        let deep = format!("Headline\n\n{} (Reuters) - late.", "word ".repeat(30));
        assert_eq!(head(&deep), (None, None));
        let far = format!("{}MOSCOW (Reuters) - too far down.", "Line of text.\n".repeat(20));
        assert_eq!(head(&far), (None, None));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = read_head(&s, &Outlets::bundled());
        }
    }
}
