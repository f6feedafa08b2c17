//! A copy of what the surveys read of the index (outlets, dates, families,
//! mined phrases), owned, so a survey of a big corpus can run on another
//! thread while the index stays with the UI. It is copied a slice at a
//! time ([`SnapshotBuilder::step`]) so no slice holds the UI up.

use std::collections::HashMap;
use std::time::Instant;

use super::SurveyData;
use crate::analysis::phrases::MinedPhrase;
use crate::index::Index;
use crate::store::{ArticleId, Date, UNDATED};

/// Articles copied between two looks at the clock.
const CHUNK: usize = 512;
/// Mined phrases' articles copied between two looks at the clock.
const DOCS_CHUNK: usize = 50_000;

/// What the surveys read, owned.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    live: Vec<bool>,
    /// Per article: its outlet as an index into `outlets` (u32::MAX: none).
    outlet: Vec<u32>,
    outlets: Vec<String>,
    dates: Vec<Option<Date>>,
    date_keys: Vec<u32>,
    family_labels: Vec<String>,
    curated_forms: std::collections::HashSet<String>,
    families: Vec<Vec<u16>>,
    family_counts: Vec<Vec<u32>>,
    mined: Vec<MinedPhrase>,
}

/// A [`Snapshot`] being copied.
#[derive(Debug, Default)]
pub struct SnapshotBuilder {
    snap: Snapshot,
    by_name: HashMap<String, u32>,
    /// Articles and mined phrases copied so far.
    articles: usize,
    mined: usize,
    /// The index's length when started (articles appended since make the
    /// copy stale: start again).
    len: usize,
}

impl SnapshotBuilder {
    pub fn new(index: &Index) -> SnapshotBuilder {
        SnapshotBuilder {
            snap: Snapshot {
                family_labels: index.family_labels().to_vec(),
                curated_forms: index.book().forms(),
                ..Snapshot::default()
            },
            len: index.len(),
            ..SnapshotBuilder::default()
        }
    }

    /// How far it has got through the articles (0 to 1).
    pub fn progress(&self) -> f64 {
        self.articles as f64 / self.len.max(1) as f64
    }

    /// Copies until `deadline` (at least one slice); the snapshot when done.
    /// None also when the index changed length since [`SnapshotBuilder::new`]
    /// (then [`SnapshotBuilder::is_stale`] says so).
    pub fn step(&mut self, index: &Index, deadline: Instant) -> Option<Snapshot> {
        if self.is_stale(index) {
            return None;
        }
        let keys = index.date_keys();
        loop {
            if self.articles < self.len {
                let end = (self.articles + CHUNK).min(self.len);
                for id in self.articles as ArticleId..end as ArticleId {
                    let s = &mut self.snap;
                    s.live.push(index.is_live(id));
                    let o = match index.source(id) {
                        Some(name) => match self.by_name.get(name) {
                            Some(&o) => o,
                            None => {
                                let o = s.outlets.len() as u32;
                                s.outlets.push(name.to_string());
                                self.by_name.insert(name.to_string(), o);
                                o
                            }
                        },
                        None => u32::MAX,
                    };
                    s.outlet.push(o);
                    s.dates.push(index.date_of(id));
                    s.date_keys
                        .push(keys.get(id as usize).copied().unwrap_or(UNDATED));
                    s.families.push(index.families_of(id).to_vec());
                    s.family_counts
                        .push(index.family_counts_of(id).map(|(_, c)| c).collect());
                }
                self.articles = end;
            } else if self.mined < index.mined().len() {
                let all = index.mined();
                // phrases with many articles cost more: up to so many articles
                let mut docs = 0;
                while self.mined < all.len() && docs < DOCS_CHUNK {
                    let m = &all[self.mined];
                    docs += m.docs.len() + 1;
                    self.snap.mined.push(m.clone());
                    self.mined += 1;
                }
            } else {
                return Some(std::mem::take(&mut self.snap));
            }
            if Instant::now() >= deadline {
                return None;
            }
        }
    }

    /// The index is not the one being copied any more.
    pub fn is_stale(&self, index: &Index) -> bool {
        index.len() != self.len || index.mined().len() < self.mined
    }
}

impl SurveyData for Snapshot {
    fn len(&self) -> usize {
        self.live.len()
    }
    fn is_live(&self, id: ArticleId) -> bool {
        self.live.get(id as usize).copied().unwrap_or(false)
    }
    fn source(&self, id: ArticleId) -> Option<&str> {
        let o = *self.outlet.get(id as usize)?;
        self.outlets.get(o as usize).map(String::as_str)
    }
    fn date_of(&self, id: ArticleId) -> Option<Date> {
        self.dates.get(id as usize).copied().flatten()
    }
    fn date_keys(&self) -> &[u32] {
        &self.date_keys
    }
    fn family_labels(&self) -> &[String] {
        &self.family_labels
    }
    fn curated_forms(&self) -> std::collections::HashSet<String> {
        self.curated_forms.clone()
    }
    fn families_of(&self, id: ArticleId) -> &[u16] {
        self.families.get(id as usize).map_or(&[], Vec::as_slice)
    }
    fn family_counts_of(&self, id: ArticleId) -> impl Iterator<Item = (u16, u32)> + '_ {
        let counts = self.family_counts.get(id as usize).map_or(&[][..], Vec::as_slice);
        self.families_of(id).iter().copied().zip(counts.iter().copied())
    }
    fn mined(&self) -> &[MinedPhrase] {
        &self.mined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{
        KeynessOptions, OutletOptions, Reference, Terms, TimelineOptions, keyness, outlet_table, timeline,
    };

    fn index() -> Index {
        let mut arts = crate::store::bundled_articles();
        arts.truncate(5);
        let facts = crate::facts::Analyzer::new().facts_all(&arts);
        let mut ix = Index::with_facts(crate::store::Corpus::new(arts), facts);
        ix.mine_phrases(&Default::default());
        ix
    }

    #[test]
    fn surveys_of_a_snapshot_equal_those_of_the_index() {
        let ix = index();
        let mut b = SnapshotBuilder::new(&ix);
        // a deadline already past: a slice per step, as many steps as needed
        let snap = loop {
            if let Some(s) = b.step(&ix, Instant::now()) {
                break s;
            }
        };
        let all: Vec<ArticleId> = (0..ix.len() as ArticleId).collect();
        let some = &all[..2];
        assert_eq!(
            outlet_table(&snap, Some(some), &OutletOptions::default()),
            outlet_table(&ix, Some(some), &OutletOptions::default())
        );
        assert_eq!(
            timeline(&snap, &all, &TimelineOptions::default()),
            timeline(&ix, &all, &TimelineOptions::default())
        );
        let terms = Terms::build(&ix);
        let opts = KeynessOptions {
            min_docs: 1,
            min_ll: 0.0,
            limit: 1000,
        };
        let k = keyness(&snap, &terms, some, Reference::Rest, &opts);
        assert!(!k.over.is_empty());
        assert_eq!(k, keyness(&ix, &terms, some, Reference::Rest, &opts));
    }

    #[test]
    fn a_changed_index_makes_the_copy_stale() {
        let mut ix = index();
        let mut b = SnapshotBuilder::new(&ix);
        ix.append(crate::store::bundled_articles()[..1].to_vec(), Vec::new());
        assert!(b.is_stale(&ix));
        assert!(b.step(&ix, Instant::now()).is_none());
    }
}
