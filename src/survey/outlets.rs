//! Outlets × formulas: for each outlet, the share of its articles that use
//! each phrase family and each of the top mined formulas.

use serde::Serialize;
use std::collections::HashMap;

use super::SurveyData;
use super::UNKNOWN_OUTLET;
use crate::store::ArticleId;

/// A column: a phrase family or a mined phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The family's label or the phrase.
    pub label: String,
    /// A curated family (else a mined phrase).
    pub family: bool,
    /// Articles using it, among those counted.
    pub articles: usize,
}

/// An outlet's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletRow {
    /// The outlet's name ([`UNKNOWN_OUTLET`] for articles without one).
    pub outlet: String,
    /// Its articles counted.
    pub articles: usize,
    /// Per column: how many of its articles use it.
    pub using: Vec<usize>,
}

impl OutletRow {
    /// Per column: the share of the outlet's articles using it (0 to 1).
    pub fn shares(&self) -> impl Iterator<Item = f64> + '_ {
        let n = self.articles.max(1) as f64;
        self.using.iter().map(move |&u| u as f64 / n)
    }
}

/// Rows of outlets (most articles first; unknown last), columns of formulas.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OutletTable {
    pub columns: Vec<Column>,
    pub rows: Vec<OutletRow>,
}

impl OutletTable {
    /// A query for the articles of a cell: the outlet and the formula (the
    /// filter language's `source:"…" #"…"` or `source:"…" "…"`).
    pub fn cell_query(&self, row: usize, col: usize) -> Option<String> {
        let r = self.rows.get(row)?;
        let c = self.columns.get(col)?;
        let phrase = if c.family {
            format!("#\"{}\"", c.label)
        } else {
            format!("\"{}\"", c.label)
        };
        if r.outlet == UNKNOWN_OUTLET {
            return Some(phrase);
        }
        Some(format!("source:\"{}\" {phrase}", r.outlet.replace('"', "")))
    }
}

/// Options for [`outlet_table`].
#[derive(Debug, Clone, Copy)]
pub struct OutletOptions {
    /// Mined phrases shown after the families (the widest-ranging that
    /// more than one outlet uses).
    pub mined: usize,
    /// Rows at most (the outlets with most articles; the rest are left out).
    pub rows: usize,
}

impl Default for OutletOptions {
    fn default() -> Self {
        OutletOptions { mined: 10, rows: 50 }
    }
}

/// The table over `ids` (the live articles when None). Families no counted
/// article uses are left out.
pub fn outlet_table(index: &impl SurveyData, ids: Option<&[ArticleId]>, opts: &OutletOptions) -> OutletTable {
    let all: Vec<ArticleId>;
    let ids = match ids {
        Some(ids) => ids,
        None => {
            all = (0..index.len() as ArticleId)
                .filter(|&id| index.is_live(id))
                .collect();
            &all
        }
    };
    let n = index.len();
    // outlets as small ids: by name, then the row order
    let mut outlet_of: Vec<u32> = vec![u32::MAX; n];
    let mut names: Vec<String> = Vec::new();
    let mut by_name: HashMap<&str, u32> = HashMap::new();
    let mut counted = vec![false; n];
    for &id in ids {
        if (id as usize) >= n || !index.is_live(id) {
            continue;
        }
        if std::mem::replace(&mut counted[id as usize], true) {
            continue;
        }
        let name = index.source(id).unwrap_or(UNKNOWN_OUTLET);
        let o = *by_name.entry(name).or_insert_with(|| {
            names.push(name.to_string());
            names.len() as u32 - 1
        });
        outlet_of[id as usize] = o;
    }
    let outlets = names.len();
    let mut articles = vec![0usize; outlets];
    for &o in outlet_of.iter().filter(|&&o| o != u32::MAX) {
        articles[o as usize] += 1;
    }
    // families: per family, per outlet
    let labels = index.family_labels();
    let mut fam = vec![vec![0usize; outlets]; labels.len()];
    for (id, &o) in outlet_of.iter().enumerate() {
        if o == u32::MAX {
            continue;
        }
        for &f in index.families_of(id as ArticleId) {
            if let Some(col) = fam.get_mut(f as usize) {
                col[o as usize] += 1;
            }
        }
    }
    let mut columns = Vec::new();
    let mut cells: Vec<Vec<usize>> = Vec::new();
    for (label, col) in labels.iter().zip(fam) {
        let total: usize = col.iter().sum();
        if total > 0 {
            columns.push(Column {
                label: label.clone(),
                family: true,
                articles: total,
            });
            cells.push(col);
        }
    }
    // mined: the top formulas (not names, not hidden, not a family's label
    // or variant: the family's column counts it already, as the phrases
    // pane lists it as the family)
    let family_keys: Vec<String> = labels
        .iter()
        .map(|l| l.to_lowercase().replace('-', " "))
        .collect();
    let forms = index.curated_forms();
    // in the formula ranking's order (outlets, quotation, rarity: see
    // analysis::phrases), the first used by more than one counted outlet
    let mut mined: Vec<(usize, Vec<usize>, &str)> = Vec::new();
    for m in index.mined().iter().filter(|m| {
        m.underlined()
            && !family_keys.contains(&m.phrase)
            && !forms.contains(&crate::analysis::phrases::normalize_phrase(&m.phrase))
    }) {
        if mined.len() >= opts.mined {
            break;
        }
        let mut col = vec![0usize; outlets];
        for &d in &m.docs {
            if let Some(&o) = outlet_of.get(d as usize)
                && o != u32::MAX
            {
                col[o as usize] += 1;
            }
        }
        let total = col.iter().sum::<usize>();
        if total > 0 && col.iter().filter(|&&c| c > 0).count() > 1 {
            mined.push((total, col, m.phrase.as_str()));
        }
    }
    for (total, col, phrase) in mined.into_iter().take(opts.mined) {
        columns.push(Column {
            label: phrase.to_string(),
            family: false,
            articles: total,
        });
        cells.push(col);
    }
    let mut order: Vec<usize> = (0..outlets).collect();
    order.sort_by(|&a, &b| {
        (names[a] == UNKNOWN_OUTLET)
            .cmp(&(names[b] == UNKNOWN_OUTLET))
            .then(articles[b].cmp(&articles[a]))
            .then_with(|| names[a].cmp(&names[b]))
    });
    order.truncate(opts.rows);
    let rows = order
        .into_iter()
        .map(|o| OutletRow {
            outlet: names[o].clone(),
            articles: articles[o],
            using: cells.iter().map(|col| col[o]).collect(),
        })
        .collect();
    OutletTable { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::phrases::MineOptions;
    use crate::index::Index;
    use crate::store::{Article, Corpus, Meta};

    fn art(source: Option<&str>, body: &str) -> Article {
        let meta = Meta {
            title: "t".into(),
            source: source.map(str::to_string),
            ..Meta::default()
        };
        Article::from_parts("a.txt".into(), meta, body, false)
    }

    #[test]
    fn a_mined_family_variant_is_no_column_of_its_own() {
        // "bloc confrontation" is a variant of the bundled "cold war" family
        let articles = vec![
            art(Some("TASS"), "They oppose bloc confrontation in every form."),
            art(Some("Reuters"), "Both reject bloc confrontation, he said."),
            art(Some("Xinhua"), "Nothing here."),
        ];
        let facts = crate::facts::Analyzer::new().facts_all(&articles);
        let mut ix = Index::with_facts(Corpus::new(articles), facts);
        ix.mine_phrases(&MineOptions::default());
        assert!(
            ix.mined()
                .iter()
                .any(|m| m.phrase == "bloc confrontation" && m.underlined()),
            "{:?}",
            ix.mined()
        );
        let t = outlet_table(&ix, None, &OutletOptions::default());
        let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
        assert!(
            t.columns.iter().any(|c| c.family && c.label == "cold war"),
            "{labels:?}"
        );
        assert!(!labels.contains(&"bloc confrontation"), "{labels:?}");
    }

    #[test]
    fn shares_per_outlet_and_formula() {
        let articles = vec![
            art(Some("TASS"), "Ties are rock solid and have no limits."),
            art(
                Some("ITAR-TASS"),
                "Ties have no limits at all, officials told reporters.",
            ),
            art(Some("Reuters"), "Markets fell, officials told reporters."),
            art(Some("Reuters"), "Ties are rock solid."),
            art(Some("Reuters"), "Nothing here."),
            art(None, "No limits, officials told reporters."),
        ];
        let facts = crate::facts::Analyzer::new().facts_all(&articles);
        let mut ix = Index::with_facts(Corpus::new(articles), facts);
        ix.mine_phrases(&MineOptions::default());
        let t = outlet_table(&ix, None, &OutletOptions::default());
        let rows: Vec<(&str, usize)> = t.rows.iter().map(|r| (r.outlet.as_str(), r.articles)).collect();
        assert_eq!(rows, [("Reuters", 3), ("TASS", 2), (UNKNOWN_OUTLET, 1)]);
        let col = |label: &str| t.columns.iter().position(|c| c.label == label).unwrap();
        let rock = col("rock solid");
        let limits = col("no limits");
        assert!(t.columns[rock].family);
        assert_eq!(t.rows[0].using[rock], 1);
        assert_eq!(t.rows[1].using[limits], 2);
        let shares: Vec<f64> = t.rows[0].shares().collect();
        assert!((shares[rock] - 1.0 / 3.0).abs() < 1e-12);
        // a mined formula used by more than one outlet
        let told = col("officials told reporters");
        assert!(!t.columns[told].family);
        assert_eq!(
            t.rows.iter().map(|r| r.using[told]).collect::<Vec<_>>(),
            [1, 1, 1]
        );
        assert_eq!(
            t.cell_query(1, limits).as_deref(),
            Some("source:\"TASS\" #\"no limits\"")
        );
        // within a subset
        let t = outlet_table(&ix, Some(&[0, 2]), &OutletOptions::default());
        assert_eq!(t.rows.len(), 2);
        assert!(
            t.columns
                .iter()
                .all(|c| c.label != "no limits" || c.articles == 1)
        );
    }
}
