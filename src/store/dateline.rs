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
    Regex::new(r"^(?i:by)\s+[^,|\n]{2,80}?\s*[,|]\s*([A-Z][\w&.'’ -]{0,40}[\w.])\s*$").expect("valid regex")
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

/// Reads the head of `body`.
pub fn read_head(body: &str, outlets: &Outlets) -> Head {
    let mut head = Head::default();
    let mut published = None;
    let mut dateline_date = None;
    let mut bare_date = None;
    let mut updated = None;
    let end = body.len().min(HEAD_BYTES);
    let end = (0..=end).rev().find(|&i| body.is_char_boundary(i)).unwrap_or(0);
    for line in body[..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
    {
        // the opening of a line only: a bracket deep in a paragraph is no dateline
        let opening = match line.char_indices().nth(90) {
            Some((i, _)) => &line[..i],
            None => line,
        };
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
            }
        }
        if PUBLISHED.is_match(line) {
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
    head.date = published.or(dateline_date).or(bare_date).or(updated);
    head
}

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
