//! The records of the views that show tables of numbers or groups: the
//! outlets view, keyness, the timeline (the rows `readout outlets|keyness|
//! timeline --csv` print), the stories (`readout stories`) and the tags
//! pane. One type per row, shared by the headless commands and the app's
//! export (`E`), so both write the same fields in the same order.

use std::borrow::Cow;

use serde::Serialize;

use super::Table;
use super::escaped;
use crate::store::escape_controls;
use crate::stories::StoryRow;
use crate::survey::{self, Keyness, OutletTable, Timeline};

/// A share for people: "67%".
pub fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// One outlet's use of one column of the outlets view (a phrase family or
/// a mined formula): its articles using it and their share of the
/// outlet's articles.
#[derive(Debug, Serialize)]
pub struct OutletCell<'a> {
    #[serde(serialize_with = "escaped")]
    pub outlet: &'a str,
    pub articles: usize,
    /// The family's label or the mined phrase.
    pub column: &'a str,
    pub family: bool,
    pub using: usize,
    pub share: f64,
}

impl<'a> OutletCell<'a> {
    /// Every cell of the table: the outlets in their order (most articles
    /// first, unknown last), each with every column.
    pub fn all(table: &'a OutletTable) -> Vec<OutletCell<'a>> {
        let mut cells = Vec::new();
        for r in &table.rows {
            for ((c, &using), share) in table.columns.iter().zip(&r.using).zip(r.shares()) {
                cells.push(OutletCell {
                    outlet: &r.outlet,
                    articles: r.articles,
                    column: &c.label,
                    family: c.family,
                    using,
                    share,
                });
            }
        }
        cells
    }
}

impl Table for OutletCell<'_> {
    const FIELDS: &'static [&'static str] = &["outlet", "articles", "column", "family", "using", "share"];
    const TEXT_HEADER: &'static [&'static str] = Self::FIELDS;
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            escape_controls(self.outlet),
            self.articles.to_string().into(),
            escape_controls(self.column),
            self.family.to_string().into(),
            self.using.to_string().into(),
            pct(self.share).into(),
        ]
    }
}

/// One term of keyness, over- or under-used.
#[derive(Debug, Serialize)]
pub struct KeynessRow<'a> {
    /// "over" or "under".
    #[serde(rename = "use")]
    pub side: &'a str,
    #[serde(flatten)]
    pub term: &'a survey::KeyTerm,
}

impl<'a> KeynessRow<'a> {
    /// The over-used terms, then the under-used, each in their order.
    pub fn all(k: &'a Keyness) -> Vec<KeynessRow<'a>> {
        (k.over.iter().map(|t| ("over", t)))
            .chain(k.under.iter().map(|t| ("under", t)))
            .map(|(side, term)| KeynessRow { side, term })
            .collect()
    }
}

impl Table for KeynessRow<'_> {
    const FIELDS: &'static [&'static str] = &[
        "use",
        "term",
        "kind",
        "target_docs",
        "reference_docs",
        "target_occurrences",
        "reference_occurrences",
        "ll_docs",
        "log_ratio_docs",
        "ll_occurrences",
        "log_ratio_occurrences",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["use", "term", "kind", "target_docs", "reference_docs"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.side.into(),
            escape_controls(&self.term.term),
            kind_name(self.term.kind).into(),
            self.term.target_docs.to_string().into(),
            self.term.reference_docs.to_string().into(),
        ]
    }
}

/// A key term's kind as written: "word", "family", "phrase".
pub fn kind_name(kind: survey::TermKind) -> &'static str {
    match kind {
        survey::TermKind::Word => "word",
        survey::TermKind::Family => "family",
        survey::TermKind::Phrase => "phrase",
    }
}

/// One line's count in one period of a timeline.
#[derive(Debug, Serialize)]
pub struct TimelineCell<'a> {
    pub period: &'a str,
    /// "all", or an outlet's name.
    #[serde(serialize_with = "escaped")]
    pub outlet: &'a str,
    /// The articles counted (matching) in the period.
    pub hits: u32,
    /// All the outlet's articles in the period.
    pub articles: u32,
    /// `hits / articles` (0 without articles).
    pub share: f64,
}

impl<'a> TimelineCell<'a> {
    /// Each period's cell of each line: the total's, then each outlet's.
    pub fn all(t: &'a Timeline) -> Vec<TimelineCell<'a>> {
        let mut cells = Vec::new();
        for (i, period) in t.periods.iter().enumerate() {
            for s in std::iter::once(&t.total).chain(&t.outlets) {
                let (Some(&hits), Some(&articles)) = (s.hits.get(i), s.articles.get(i)) else {
                    continue;
                };
                cells.push(TimelineCell {
                    period,
                    outlet: &s.outlet,
                    hits,
                    articles,
                    share: if articles == 0 {
                        0.0
                    } else {
                        f64::from(hits) / f64::from(articles)
                    },
                });
            }
        }
        cells
    }
}

impl Table for TimelineCell<'_> {
    const FIELDS: &'static [&'static str] = &["period", "outlet", "hits", "articles", "share"];
    const TEXT_HEADER: &'static [&'static str] = Self::FIELDS;
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            escape_controls(self.period),
            escape_controls(self.outlet),
            self.hits.to_string().into(),
            self.articles.to_string().into(),
            pct(self.share).into(),
        ]
    }
}

/// One story (a group of articles reporting one event), its articles aside.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StoryRecord<'a> {
    /// Its number, from 1, in the order listed.
    pub story: usize,
    pub label: &'a str,
    pub size: usize,
    pub cohesion: f64,
    pub first_date: Option<&'a str>,
    pub last_date: Option<&'a str>,
    pub outlets: &'a [String],
}

impl<'a> StoryRecord<'a> {
    /// `row`, listed as story `number` (from 1).
    pub fn new(number: usize, row: &'a StoryRow) -> Self {
        StoryRecord {
            story: number,
            label: &row.label,
            size: row.articles.len(),
            cohesion: row.cohesion,
            first_date: row.first_date.as_deref(),
            last_date: row.last_date.as_deref(),
            outlets: &row.outlets,
        }
    }
}

/// The fields of a story, and of a story's article after them.
const STORY_FIELDS: [&str; 7] = [
    "story",
    "label",
    "size",
    "cohesion",
    "first_date",
    "last_date",
    "outlets",
];
const STORY_ARTICLE_FIELDS: [&str; 11] = concat(STORY_FIELDS, ["path", "title", "source", "date"]);

/// `a` then `b` (for field lists made of others).
const fn concat<const A: usize, const B: usize, const C: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; C] {
    assert!(A + B == C);
    let mut out = [""; C];
    let mut i = 0;
    while i < C {
        out[i] = if i < A { a[i] } else { b[i - A] };
        i += 1;
    }
    out
}

impl Table for StoryRecord<'_> {
    const FIELDS: &'static [&'static str] = &STORY_FIELDS;
    const TEXT_HEADER: &'static [&'static str] = &["story", "label", "size", "outlets"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.story.to_string().into(),
            escape_controls(self.label),
            self.size.to_string().into(),
            escape_controls(&self.outlets.join(", ")).into_owned().into(),
        ]
    }
}

/// One article of a story.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StoryArticle<'a> {
    #[serde(serialize_with = "escaped")]
    pub path: &'a str,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub date: Option<&'a str>,
}

impl<'a> StoryArticle<'a> {
    pub fn new(a: &'a crate::store::Article) -> Self {
        StoryArticle {
            path: &a.path,
            title: &a.meta.title,
            source: a.meta.source.as_deref(),
            date: a.meta.date.as_deref(),
        }
    }
}

/// A story with its articles (`readout stories --json`).
#[derive(Debug, Serialize)]
pub struct StoryItem<'a> {
    #[serde(flatten)]
    pub story: StoryRecord<'a>,
    pub articles: Vec<StoryArticle<'a>>,
}

/// One article of one story, with the story's fields (`stories --csv`,
/// and the export of a story's articles).
#[derive(Debug, Serialize)]
pub struct StoryArticleRow<'a> {
    #[serde(flatten)]
    pub story: StoryRecord<'a>,
    #[serde(flatten)]
    pub article: StoryArticle<'a>,
}

impl<'a> StoryArticleRow<'a> {
    /// A row per article of each story, in order.
    pub fn all(items: &'a [StoryItem<'a>]) -> Vec<StoryArticleRow<'a>> {
        items
            .iter()
            .flat_map(|s| {
                s.articles.iter().map(move |&article| StoryArticleRow {
                    story: s.story,
                    article,
                })
            })
            .collect()
    }
}

impl Table for StoryArticleRow<'_> {
    const FIELDS: &'static [&'static str] = &STORY_ARTICLE_FIELDS;
    const TEXT_HEADER: &'static [&'static str] = &["story", "label", "date", "source", "title", "path"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        let shown = escape_controls;
        vec![
            self.story.story.to_string().into(),
            shown(self.story.label),
            self.article.date.map_or("-".into(), shown),
            self.article.source.map_or("-".into(), shown),
            shown(self.article.title),
            shown(self.article.path),
        ]
    }
}

/// One row of the tags pane: a tag, a mark (starred, unread, with a note)
/// or a saved query, with the query Enter applies.
#[derive(Debug, Serialize)]
pub struct TagRecord<'a> {
    /// "tag", "mark" or "saved".
    pub kind: &'static str,
    pub label: &'a str,
    /// The loaded articles it finds (null for a saved query).
    pub articles: Option<usize>,
    pub query: &'a str,
}

impl Table for TagRecord<'_> {
    const FIELDS: &'static [&'static str] = &["kind", "label", "articles", "query"];
    const TEXT_HEADER: &'static [&'static str] = Self::FIELDS;
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.kind.into(),
            escape_controls(self.label),
            self.articles.map_or("-".into(), |n| n.to_string().into()),
            escape_controls(self.query),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's FIELDS are exactly its JSON fields, in order.
    fn fields_in_order<T: Table>(item: &T) {
        let json = serde_json::to_string(item).unwrap();
        let mut at = 0;
        for f in T::FIELDS {
            let key = format!("\"{f}\":");
            let pos = json[at..].find(&key).unwrap_or_else(|| panic!("{f} in {json}"));
            at += pos + key.len();
        }
        let value = serde_json::to_value(item).unwrap();
        assert_eq!(value.as_object().unwrap().len(), T::FIELDS.len(), "{json}");
        assert_eq!(T::TEXT_HEADER.len(), item.text_row().len());
    }

    fn row() -> StoryRow {
        StoryRow {
            label: "Kestneft".into(),
            articles: vec![0, 1],
            cohesion: 0.5,
            first_date: Some("2023-03-01".into()),
            last_date: None,
            outlets: vec!["TASS".into(), "Xinhua".into()],
        }
    }

    #[test]
    fn fields_are_the_json_fields_in_order() {
        fields_in_order(&OutletCell {
            outlet: "TASS",
            articles: 4,
            column: "no limits",
            family: true,
            using: 1,
            share: 0.25,
        });
        let term = survey::KeyTerm {
            term: "ties".into(),
            kind: survey::TermKind::Word,
            target_docs: 3,
            reference_docs: 1,
            target_occurrences: 5,
            reference_occurrences: 1,
            ll_docs: 2.5,
            log_ratio_docs: 1.0,
            ll_occurrences: 3.5,
            log_ratio_occurrences: 1.5,
        };
        fields_in_order(&KeynessRow {
            side: "over",
            term: &term,
        });
        fields_in_order(&TimelineCell {
            period: "2023-03",
            outlet: "all",
            hits: 1,
            articles: 2,
            share: 0.5,
        });
        let r = row();
        let story = StoryRecord::new(1, &r);
        fields_in_order(&story);
        let article = StoryArticle {
            path: "a\u{1b}.txt",
            title: "T",
            source: None,
            date: None,
        };
        let item = StoryArticleRow { story, article };
        fields_in_order(&item);
        // a file name's control characters are written as escapes
        assert!(serde_json::to_string(&item).unwrap().contains("a\\\\u{1b}.txt"));
        fields_in_order(&TagRecord {
            kind: "saved",
            label: "mine",
            articles: None,
            query: "tag:wire",
        });
    }

    #[test]
    fn keyness_rows_are_over_then_under() {
        let term = |t: &str| survey::KeyTerm {
            term: t.into(),
            kind: survey::TermKind::Family,
            target_docs: 0,
            reference_docs: 0,
            target_occurrences: 0,
            reference_occurrences: 0,
            ll_docs: 0.0,
            log_ratio_docs: 0.0,
            ll_occurrences: 0.0,
            log_ratio_occurrences: 0.0,
        };
        let k = Keyness {
            over: vec![term("a"), term("b")],
            under: vec![term("c")],
            ..Keyness::default()
        };
        let rows: Vec<(&str, &str)> = KeynessRow::all(&k)
            .iter()
            .map(|r| (r.side, r.term.term.as_str()))
            .collect();
        assert_eq!(rows, [("over", "a"), ("over", "b"), ("under", "c")]);
    }

    #[test]
    fn outlet_cells_take_every_column_of_every_outlet() {
        let table = OutletTable {
            columns: vec![
                survey::Column {
                    label: "no limits".into(),
                    family: true,
                    articles: 1,
                },
                survey::Column {
                    label: "rock solid".into(),
                    family: false,
                    articles: 2,
                },
            ],
            rows: vec![survey::OutletRow {
                outlet: "TASS".into(),
                articles: 4,
                using: vec![1, 2],
            }],
        };
        let cells: Vec<(&str, usize, f64)> = OutletCell::all(&table)
            .iter()
            .map(|c| (c.column, c.using, c.share))
            .collect();
        assert_eq!(cells, [("no limits", 1, 0.25), ("rock solid", 2, 0.5)]);
    }
}
