//! The records the app exports from its views: what a view shows, one
//! record per row, with the fields a script needs to find it again (the
//! article's path, byte offsets into its body). The article list exports
//! the fields of `readout list --json`.

use std::borrow::Cow;

use serde::Serialize;

use super::Table;
use crate::analysis::phrases::PhraseKind;
use crate::analysis::speakers::{QuoteKind, SpeakerKind};
use crate::index::Index;
use crate::state::ArticleState;
use crate::store::{Article, ArticleId, escape_controls};

/// Text on one line: runs of whitespace as one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One article of the list (the fields of `readout list --json`).
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    #[serde(serialize_with = "super::escaped")]
    pub path: &'a str,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    pub words: usize,
    pub score: i64,
    /// The people quoted in it.
    pub speakers: Vec<&'a str>,
    /// The labels of the phrase families it contains.
    pub phrases: Vec<&'a str>,
    /// The user's tags on it.
    pub tags: Vec<&'a str>,
    pub starred: bool,
    /// The user's note on it, or null.
    pub note: Option<&'a str>,
}

impl<'a> ArticleRecord<'a> {
    /// `a` as the list shows it, with its rank `score` and the user's marks
    /// on it (`state`; none: no marks).
    pub fn new(index: &'a Index, a: &'a Article, score: i64, state: Option<&'a ArticleState>) -> Self {
        ArticleRecord {
            path: &a.path,
            title: &a.meta.title,
            source: a.meta.source.as_deref(),
            date: a.meta.date.as_deref(),
            url: a.meta.url.as_deref(),
            words: a.words,
            score,
            speakers: index
                .speakers_of(a.id)
                .iter()
                .filter_map(|&s| index.speaker(s))
                .filter(|s| s.kind == SpeakerKind::Person)
                .map(|s| s.name.as_str())
                .collect(),
            phrases: index
                .families_of(a.id)
                .iter()
                .filter_map(|&f| index.family_labels().get(usize::from(f)).map(String::as_str))
                .collect(),
            tags: state
                .map(|s| s.tags.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            starred: state.is_some_and(|s| s.starred),
            note: state.and_then(|s| s.note.as_deref()),
        }
    }
}

impl Table for ArticleRecord<'_> {
    const FIELDS: &'static [&'static str] = &[
        "path", "title", "source", "date", "url", "words", "score", "speakers", "phrases", "tags", "starred",
        "note",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["path", "title", "source", "date", "words"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            escape_controls(self.path),
            self.title.into(),
            self.source.unwrap_or("-").into(),
            self.date.unwrap_or("-").into(),
            self.words.to_string().into(),
        ]
    }
}

/// One line of a concordance.
#[derive(Debug, Serialize)]
pub struct KwicRecord<'a> {
    pub left: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub right: String,
    pub source: Option<&'a str>,
    pub date: Option<&'a str>,
    pub title: &'a str,
    #[serde(serialize_with = "super::escaped")]
    pub path: &'a str,
    /// Byte offsets into the article's body.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the file, where the body is a verbatim slice of it.
    pub file_start: Option<usize>,
    pub file_end: Option<usize>,
}

impl<'a> KwicRecord<'a> {
    /// The occurrence at `range` of `a`, with `context` characters each side.
    pub fn new(a: &'a Article, range: std::ops::Range<usize>, context: usize) -> Self {
        let l = crate::analysis::phrases::kwic(&a.body, range.clone(), context);
        KwicRecord {
            left: l.left,
            matched: l.matched,
            right: l.right,
            source: a.meta.source.as_deref(),
            date: a.meta.date.as_deref(),
            title: &a.meta.title,
            path: &a.path,
            start: range.start,
            end: range.end,
            file_start: a.file_pos(range.start),
            file_end: a.file_pos(range.end),
        }
    }
}

impl Table for KwicRecord<'_> {
    const FIELDS: &'static [&'static str] = &[
        "left",
        "match",
        "right",
        "source",
        "date",
        "title",
        "path",
        "start",
        "end",
        "file_start",
        "file_end",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["left", "match", "right", "path"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.left.as_str().into(),
            self.matched.as_str().into(),
            self.right.as_str().into(),
            escape_controls(self.path),
        ]
    }
}

/// One quote, with who said it and where.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub speaker: &'a str,
    /// person, organisation or unnamed
    pub speaker_kind: SpeakerKind,
    /// The quote on one line.
    pub text: String,
    pub kind: QuoteKind,
    pub source: Option<&'a str>,
    pub date: Option<&'a str>,
    pub title: &'a str,
    #[serde(serialize_with = "super::escaped")]
    pub path: &'a str,
    pub start: usize,
    pub end: usize,
    pub file_start: Option<usize>,
    pub file_end: Option<usize>,
}

impl<'a> QuoteRecord<'a> {
    /// Quote `qi` of article `id`; none if either is gone.
    pub fn new(index: &'a Index, id: ArticleId, qi: usize) -> Option<Self> {
        let a = index.article(id)?;
        let q = index.quotes_of(id).get(qi)?;
        let sp = index.speaker(q.speaker)?;
        Some(QuoteRecord {
            speaker: &sp.name,
            speaker_kind: sp.kind,
            text: one_line(a.body.get(q.range.clone()).unwrap_or("")),
            kind: q.kind,
            source: a.meta.source.as_deref(),
            date: a.meta.date.as_deref(),
            title: &a.meta.title,
            path: &a.path,
            start: q.range.start,
            end: q.range.end,
            file_start: a.file_pos(q.range.start),
            file_end: a.file_pos(q.range.end),
        })
    }

    /// The quote to paste: “text” — speaker, outlet, date.
    pub fn citation(&self) -> String {
        let mut by = vec![self.speaker];
        by.extend(self.source);
        by.extend(self.date);
        format!("“{}” — {}", self.text, by.join(", "))
    }
}

impl Table for QuoteRecord<'_> {
    const FIELDS: &'static [&'static str] = &[
        "speaker",
        "speaker_kind",
        "text",
        "kind",
        "source",
        "date",
        "title",
        "path",
        "start",
        "end",
        "file_start",
        "file_end",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["speaker", "source", "date", "text"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.speaker.into(),
            self.source.unwrap_or("-").into(),
            self.date.unwrap_or("-").into(),
            self.text.as_str().into(),
        ]
    }
}

/// One speaker of the speakers pane.
#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    pub name: &'a str,
    pub kind: SpeakerKind,
    pub role: Option<&'a str>,
    pub quotes: usize,
    pub articles: usize,
}

impl Table for SpeakerRecord<'_> {
    const FIELDS: &'static [&'static str] = &["name", "kind", "role", "quotes", "articles"];
    const TEXT_HEADER: &'static [&'static str] = &["name", "quotes", "articles"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.name.into(),
            self.quotes.to_string().into(),
            self.articles.to_string().into(),
        ]
    }
}

/// One row of the phrases pane (the fields of `readout phrases --json`).
#[derive(Debug, Serialize)]
pub struct PhraseRecord<'a> {
    pub phrase: &'a str,
    /// The family label for curated phrases, null for mined ones.
    pub label: Option<&'a str>,
    /// How many articles it occurs in (its range).
    pub articles: usize,
    pub occurrences: usize,
    pub curated: bool,
    /// Mined only: its weight, the evidence that it is a formula (the
    /// order of the mined phrases).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// All its articles come from one source (likely boilerplate). Always
    /// present, false for curated phrases: scripts get a stable schema.
    pub single_source: bool,
    /// "formula" or "name" (families are formulas).
    pub kind: PhraseKind,
    /// Mined only (0 for families): articles where it occurs inside
    /// quotation marks.
    pub quoted: usize,
    /// Mined only (0 for families): distinct outlets of its articles.
    pub outlets: usize,
    /// Mined only (empty for families): the other forms merged into it.
    pub variants: &'a [String],
    /// Families only: the forms its articles use when none uses the label
    /// itself ("bloc confrontation" for "cold war"); empty otherwise.
    pub found: &'a [String],
    /// How the row reads in the text output: the phrase, and a family's
    /// forms found when its label is not.
    #[serde(skip)]
    pub shown: String,
}

impl<'a> PhraseRecord<'a> {
    pub fn new(r: &'a crate::concordance::PhraseRow, index: &'a Index) -> Self {
        let mined = r.mined.and_then(|i| index.mined().get(i));
        PhraseRecord {
            phrase: &r.text,
            label: r.curated().then_some(r.text.as_str()),
            articles: r.articles,
            occurrences: r.occurrences,
            curated: r.curated(),
            score: r.score,
            single_source: r.single_source,
            kind: r.kind,
            quoted: mined.map_or(0, |m| m.quoted),
            outlets: mined.map_or(0, |m| m.outlets),
            variants: mined.map_or(&[][..], |m| m.variants.as_slice()),
            found: &r.found,
            shown: r.shown(),
        }
    }
}

impl Table for PhraseRecord<'_> {
    const FIELDS: &'static [&'static str] = &[
        "phrase",
        "label",
        "articles",
        "occurrences",
        "curated",
        "score",
        "single_source",
        "kind",
        "quoted",
        "outlets",
        "variants",
        "found",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["phrase", "articles", "occurrences", "kind"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        let what = if self.curated {
            "family"
        } else if self.kind == PhraseKind::Name {
            "name"
        } else if self.single_source {
            "mined, one source"
        } else {
            "mined"
        };
        vec![
            crate::store::escape_controls(&self.shown),
            self.articles.to_string().into(),
            self.occurrences.to_string().into(),
            what.into(),
        ]
    }
}

/// One shared passage of a compare (the fields of `readout compare --csv`).
#[derive(Debug, Serialize)]
pub struct PassageRecord<'a> {
    #[serde(serialize_with = "super::escaped")]
    pub a: &'a str,
    #[serde(serialize_with = "super::escaped")]
    pub b: &'a str,
    /// Share of A's words in passages B also has, 0..=1.
    pub a_in_b: f64,
    pub b_in_a: f64,
    pub words: usize,
    pub a_text: &'a str,
    pub b_text: &'a str,
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    /// The words that differ inside the passage, each as `A / B`.
    pub diffs: Vec<String>,
}

impl<'a> PassageRecord<'a> {
    /// Every passage `a` and `b` share, in A's order.
    pub fn all(a: &'a Article, b: &'a Article, c: &crate::analysis::reuse::Comparison) -> Vec<Self> {
        let (ab, bb) = (&*a.body, &*b.body);
        c.passages
            .iter()
            .map(|p| PassageRecord {
                a: &a.path,
                b: &b.path,
                a_in_b: c.a_shared,
                b_in_a: c.b_shared,
                words: p.words,
                a_text: ab.get(p.a.clone()).unwrap_or(""),
                b_text: bb.get(p.b.clone()).unwrap_or(""),
                a_start: p.a.start,
                a_end: p.a.end,
                b_start: p.b.start,
                b_end: p.b.end,
                diffs: p
                    .diffs
                    .iter()
                    .map(|d| {
                        format!(
                            "{} / {}",
                            ab.get(d.a.clone()).unwrap_or(""),
                            bb.get(d.b.clone()).unwrap_or("")
                        )
                    })
                    .collect(),
            })
            .collect()
    }
}

impl Table for PassageRecord<'_> {
    const FIELDS: &'static [&'static str] = &[
        "a", "b", "a_in_b", "b_in_a", "words", "a_text", "b_text", "a_start", "a_end", "b_start", "b_end",
        "diffs",
    ];
    const TEXT_HEADER: &'static [&'static str] = &["words", "a_text", "b_text"];
    fn text_row(&self) -> Vec<Cow<'_, str>> {
        vec![
            self.words.to_string().into(),
            one_line(self.a_text).into(),
            one_line(self.b_text).into(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::export::assert_fields as fields_match;

    #[test]
    fn fields_are_the_json_fields() {
        let index = Index::new(crate::store::Corpus::new(crate::store::bundled_articles()));
        let a = &index.articles()[0];
        let b = &index.articles()[1];
        fields_match(&ArticleRecord::new(&index, a, 3, None));
        fields_match(&KwicRecord::new(a, 0..5, 10));
        fields_match(&SpeakerRecord {
            name: "n",
            kind: SpeakerKind::Person,
            role: None,
            quotes: 1,
            articles: 1,
        });
        let c = crate::analysis::reuse::compare(&a.body, &b.body);
        fields_match(&PassageRecord {
            a: "a",
            b: "b",
            a_in_b: c.a_shared,
            b_in_a: c.b_shared,
            words: 1,
            a_text: "x",
            b_text: "y",
            a_start: 0,
            a_end: 1,
            b_start: 0,
            b_end: 1,
            diffs: vec![],
        });
        let row = crate::concordance::PhraseRow {
            phrase: crate::concordance::PhraseRef::resolve(&index, "x"),
            text: "x".into(),
            articles: 1,
            occurrences: 1,
            score: Some(1.5),
            single_source: false,
            mined: None,
            kind: PhraseKind::Formula,
            found: Vec::new(),
        };
        fields_match(&PhraseRecord::new(&row, &index));
        // a family has no score: left out of the JSON (and empty in CSV)
        let family = crate::concordance::PhraseRow { score: None, ..row };
        let json = serde_json::to_value(PhraseRecord::new(&family, &index)).unwrap();
        assert!(json.get("score").is_none());
    }

    #[test]
    fn a_citation_names_speaker_outlet_and_date() {
        let q = QuoteRecord {
            speaker: "Wang Yi",
            speaker_kind: SpeakerKind::Person,
            text: "rock solid".into(),
            kind: QuoteKind::Direct,
            source: Some("Xinhua"),
            date: None,
            title: "t",
            path: "p",
            start: 0,
            end: 1,
            file_start: None,
            file_end: None,
        };
        fields_match(&q);
        assert_eq!(q.citation(), "“rock solid” — Wang Yi, Xinhua");
    }
}
