//! The corpus together with what the analyses derived from it: the state
//! queries run against. Domain only; the TUI and headless commands share it.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::path::PathBuf;

use std::sync::Arc;

use crate::analysis::phrases::{Doc, MineOptions, MinedPhrase, PhraseBook, PhraseFinder};
use crate::analysis::reuse::SimilarityIndex;
use crate::analysis::speakers::{Extractor, QuoteKind, SpeakerKind};
use crate::facts::Facts;
use crate::store::{Article, ArticleId, ChangeSummary, Corpus, Date, DateOrder, OrderColumns};

/// A person or organisation quoted somewhere in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Display name (canonical: "Sergey Lavrov" for Sergei/Sergey).
    pub name: String,
    pub kind: SpeakerKind,
    /// A role the text gives them ("Chinese Foreign Minister"), if any.
    pub role: Option<String>,
}

/// One quote, stored compactly: the speaker by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredQuote {
    pub speaker: u32,
    pub kind: QuoteKind,
    /// The quoted or reported text, in the body.
    pub range: Range<usize>,
}

/// A speaker with what they said across the corpus (live articles only).
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerStats {
    pub id: u32,
    pub quotes: usize,
    pub articles: Vec<ArticleId>,
}

/// Articles plus per-article facts used by queries and views.
#[derive(Debug)]
pub struct Index {
    corpus: Corpus,
    /// The people and organisations quoted anywhere, by speaker id.
    speakers: Vec<Speaker>,
    /// Names of the speakers, by id (for fuzzy matching).
    speaker_names: Vec<String>,
    /// Speaker id by identity key (Extractor::key).
    speaker_ids: HashMap<String, u32>,
    /// The quotes of each article.
    article_quotes: Vec<Vec<StoredQuote>>,
    /// Speaker ids quoted in each article.
    article_speakers: Vec<Vec<u32>>,
    /// Labels of the phrase families, by family id.
    family_labels: Vec<String>,
    /// Family ids found in each article, ascending.
    article_families: Vec<Vec<u16>>,
    /// Occurrences of each of those families, in the same order.
    article_family_counts: Vec<Vec<u32>>,
    /// The curated phrase families.
    book: Arc<PhraseBook>,
    /// Phrases mined from the corpus (empty until mined).
    mined: Vec<MinedPhrase>,
    /// Finds the mined phrases in a text (for highlighting).
    mined_finder: Option<Arc<PhraseFinder>>,
    /// The phrases were chosen from a sample (and counted in every article).
    mined_sampled: bool,
    /// Article ids by date (dated first, then by id), made on first use and
    /// forgotten when articles change.
    date_order: std::sync::OnceLock<DateOrder>,
    /// Per article id: its outlet's rank among the distinct outlet names
    /// (case-insensitive order; `NO_OUTLET` without one), made on first use
    /// and forgotten when articles change.
    outlet_ranks: std::sync::OnceLock<Vec<u32>>,
    /// Each article's date key, outlet and words, kept as articles come and
    /// go, so the two above and the list's orders never read the articles.
    order_columns: OrderColumns,
    /// Sketches of every article, for the most-similar list.
    similarity: SimilarityIndex,
    /// Live-reload batches not yet applied (see [`Index::apply_queued`]).
    queued: VecDeque<Batch>,
    /// Counts changes of the articles or their facts ([`Index::revision`]).
    revision: u64,
}

/// One batch of live-reload changes, being applied.
#[derive(Debug)]
struct Batch {
    changed: VecDeque<(PathBuf, Vec<Article>, Vec<Facts>)>,
    removed: Vec<PathBuf>,
    /// How many of `removed` are applied.
    removed_done: usize,
    /// A full reload: the files known but not read are removed, in path
    /// order; the last file looked at so far.
    sweep: Option<Option<PathBuf>>,
    /// The mined phrases' finder when the batch started (None: not yet).
    finder: Option<Option<Arc<PhraseFinder>>>,
    /// (phrase, article, occurrences) in the new texts.
    found: Vec<(usize, ArticleId, u32)>,
    /// Once every file is applied: the articles touched, sorted.
    affected: Option<Vec<ArticleId>>,
    /// The mined phrases counted again so far, and where in `found`.
    phrase: usize,
    found_at: usize,
    /// The files of `changed` applied so far (absolute): removals spare them.
    read: HashSet<PathBuf>,
    summary: ChangeSummary,
}

/// Adds (phrase, `id`, occurrences) for each mined phrase in `text`.
fn found_in(finder: &PhraseFinder, id: ArticleId, text: &str, out: &mut Vec<(usize, ArticleId, u32)>) {
    let each = finder.find_each(text);
    for run in each.chunk_by(|x, y| x.0 == y.0) {
        out.push((run[0].0, id, run.len() as u32));
    }
}

/// Adds what `more` changed to `summary`.
fn merge(summary: &mut ChangeSummary, more: ChangeSummary) {
    summary.assigned.extend(more.assigned);
    summary.added.extend(more.added);
    summary.updated.extend(more.updated);
    summary.removed.extend(more.removed);
}

impl Default for Index {
    fn default() -> Self {
        let book = crate::facts::bundled_book();
        Index {
            corpus: Corpus::default(),
            speakers: Vec::new(),
            speaker_names: Vec::new(),
            speaker_ids: HashMap::new(),
            article_quotes: Vec::new(),
            article_speakers: Vec::new(),
            family_labels: book.families().iter().map(|f| f.label.clone()).collect(),
            article_families: Vec::new(),
            article_family_counts: Vec::new(),
            book,
            mined: Vec::new(),
            mined_finder: None,
            mined_sampled: false,
            date_order: std::sync::OnceLock::new(),
            outlet_ranks: std::sync::OnceLock::new(),
            order_columns: OrderColumns::default(),
            similarity: SimilarityIndex::default(),
            queued: VecDeque::new(),
            revision: 0,
        }
    }
}

impl Index {
    /// An index of `corpus` with no facts yet, and the bundled phrase families.
    pub fn new(corpus: Corpus) -> Self {
        let n = corpus.len();
        let mut order_columns = OrderColumns::default();
        for (id, a) in corpus.articles().iter().enumerate() {
            order_columns.set(id as ArticleId, a);
        }
        Index {
            corpus,
            article_speakers: vec![Vec::new(); n],
            article_families: vec![Vec::new(); n],
            order_columns,
            ..Default::default()
        }
    }

    /// An index of `corpus` with the facts computed for each article.
    pub fn with_facts(corpus: Corpus, facts: Vec<Facts>) -> Self {
        let mut ix = Index::new(corpus);
        for (id, f) in facts.into_iter().enumerate() {
            ix.set_facts(id as ArticleId, f);
        }
        ix
    }

    /// Stores the parts of `facts` that were computed.
    pub fn set_facts(&mut self, id: ArticleId, facts: Facts) {
        self.revision += 1;
        if let Some(sketch) = facts.sketch {
            self.similarity.set_sketch(id, *sketch);
        }
        if let Some(families) = facts.families {
            let i = id as usize;
            if self.article_families.len() <= i {
                self.article_families.resize(i + 1, Vec::new());
            }
            if self.article_family_counts.len() <= i {
                self.article_family_counts.resize(i + 1, Vec::new());
            }
            self.article_families[i] = families.iter().map(|f| f.0).collect();
            self.article_family_counts[i] = families.iter().map(|f| f.1).collect();
        }
        let Some(new_quotes) = facts.quotes else {
            return;
        };
        let i = id as usize;
        if self.article_quotes.len() <= i {
            self.article_quotes.resize(i + 1, Vec::new());
            self.article_speakers.resize(i + 1, Vec::new());
        }
        let extractor = Extractor::shared();
        let mut quotes = Vec::with_capacity(new_quotes.len());
        let mut ids = Vec::new();
        for q in new_quotes {
            let key = extractor.key(&q.speaker);
            let sid = match self.speaker_ids.get(&key) {
                Some(&sid) => {
                    let s = &mut self.speakers[sid as usize];
                    if s.role.is_none() {
                        s.role = q.role;
                    }
                    sid
                }
                None => {
                    let sid = self.speakers.len() as u32;
                    self.speaker_names.push(q.speaker.clone());
                    self.speakers.push(Speaker {
                        name: q.speaker,
                        kind: q.speaker_kind,
                        role: q.role,
                    });
                    self.speaker_ids.insert(key, sid);
                    sid
                }
            };
            if !ids.contains(&sid) {
                ids.push(sid);
            }
            quotes.push(StoredQuote {
                speaker: sid,
                kind: q.kind,
                range: q.range,
            });
        }
        self.article_quotes[i] = quotes;
        self.article_speakers[i] = ids;
    }

    /// Everyone quoted (ids are positions).
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    pub fn speaker(&self, id: u32) -> Option<&Speaker> {
        self.speakers.get(id as usize)
    }

    /// The quotes of an article, in text order.
    pub fn quotes_of(&self, id: ArticleId) -> &[StoredQuote] {
        self.article_quotes.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Quote and article counts per speaker over the live articles: people
    /// first, then organisations, then unnamed sources, each by articles then
    /// quotes.
    pub fn speaker_stats(&self) -> Vec<SpeakerStats> {
        let mut stats: Vec<SpeakerStats> = (0..self.speakers.len() as u32)
            .map(|id| SpeakerStats {
                id,
                quotes: 0,
                articles: Vec::new(),
            })
            .collect();
        for (aid, quotes) in self.article_quotes.iter().enumerate() {
            if !self.is_live(aid as ArticleId) {
                continue;
            }
            for q in quotes {
                let s = &mut stats[q.speaker as usize];
                s.quotes += 1;
                if s.articles.last() != Some(&(aid as ArticleId)) {
                    s.articles.push(aid as ArticleId);
                }
            }
        }
        stats.retain(|s| s.quotes > 0);
        stats.sort_by(|a, b| {
            let ka = self.speakers[a.id as usize].kind;
            let kb = self.speakers[b.id as usize].kind;
            (ka as u8)
                .cmp(&(kb as u8))
                .then(b.articles.len().cmp(&a.articles.len()))
                .then(b.quotes.cmp(&a.quotes))
                .then(
                    self.speakers[a.id as usize]
                        .name
                        .cmp(&self.speakers[b.id as usize].name),
                )
        });
        stats
    }

    /// Every article id, dated ones first by date, then by id.
    pub fn by_date(&self) -> &[ArticleId] {
        &self.dates().ids
    }

    /// Per article id: its date as a number that orders as dates do
    /// ([`Date::key`]; [`UNDATED`](crate::store::UNDATED) without a date), for grouping by month or
    /// year without reading the articles.
    pub fn date_keys(&self) -> &[u32] {
        // kept per article: no need to sort the articles by date for it
        self.order_columns.date_keys()
    }

    /// Per article id: the rank of its outlet among the distinct outlet
    /// names in case-insensitive order ([`NO_OUTLET`](crate::store::NO_OUTLET)
    /// for an article without one), so ordering by outlet compares numbers,
    /// not names.
    pub fn outlet_ranks(&self) -> &[u32] {
        self.outlet_ranks
            .get_or_init(|| self.order_columns.outlet_ranks())
    }

    /// Per article id: its words (read without reading the articles).
    pub fn word_counts(&self) -> &[u32] {
        self.order_columns.words()
    }

    /// An article's publication date.
    pub fn date_of(&self, id: ArticleId) -> Option<Date> {
        self.article(id).and_then(|a| a.date)
    }

    fn dates(&self) -> &DateOrder {
        self.date_order.get_or_init(|| self.order_columns.date_order())
    }

    /// Takes a date order made elsewhere (the loader, off the UI thread)
    /// when it covers every article; otherwise it is made when first needed.
    pub fn set_date_order(&mut self, order: DateOrder) {
        if order.ids.len() == self.len() && order.keys.len() == self.len() {
            self.date_order = order.into();
        }
    }

    /// Uses `book` for the phrase families (labels for `#label`, highlighting).
    pub fn set_book(&mut self, book: Arc<PhraseBook>) {
        self.family_labels = book.families().iter().map(|f| f.label.clone()).collect();
        self.book = book;
    }

    pub fn book(&self) -> &PhraseBook {
        &self.book
    }

    /// Occurrences of family `f` in a live article (0 in a removed one).
    pub fn family_count(&self, id: ArticleId, f: u16) -> u32 {
        if !self.is_live(id) {
            return 0;
        }
        self.family_counts_of(id)
            .find(|(g, _)| *g == f)
            .map_or(0, |c| c.1)
    }

    /// (family id, occurrences) of the families in an article.
    pub fn family_counts_of(&self, id: ArticleId) -> impl Iterator<Item = (u16, u32)> + '_ {
        let fams = self.families_of(id);
        let counts = self
            .article_family_counts
            .get(id as usize)
            .map_or(&[][..], Vec::as_slice);
        fams.iter().copied().zip(counts.iter().copied())
    }

    /// Sets the mined phrases (ids in `docs` are article ids).
    pub fn set_mined(&mut self, mined: Vec<MinedPhrase>) {
        let finder = PhraseFinder::for_mined(&mined);
        self.set_mined_with(mined, finder);
    }

    /// [`set_mined`](Self::set_mined) with their finder compiled already
    /// ([`PhraseFinder::for_mined`], off the UI thread).
    pub fn set_mined_with(&mut self, mined: Vec<MinedPhrase>, finder: Option<Arc<PhraseFinder>>) {
        self.mined_finder = finder;
        self.mined = mined;
    }

    /// Mines the live articles for recurring phrases, at once, on all cores
    /// (headless commands; the TUI mines in a loading phase).
    pub fn mine_phrases(&mut self, opts: &MineOptions) {
        let ids: Vec<ArticleId> = (0..self.len() as ArticleId)
            .filter(|&id| self.is_live(id))
            .collect();
        let docs: Vec<Doc> = ids
            .iter()
            .filter_map(|&id| self.article(id))
            .map(|a| Doc {
                text: &a.body,
                source: a.meta.source.as_deref(),
            })
            .collect();
        let (mut mined, sampled) = crate::analysis::phrases::mine_sampled(&docs, opts);
        self.mined_sampled = sampled;
        for m in &mut mined {
            for d in &mut m.docs {
                *d = ids[*d as usize];
            }
        }
        self.set_mined(mined);
    }

    /// Records that the mined phrases come from a sample of the corpus.
    pub fn set_mined_sampled(&mut self, sampled: bool) {
        self.mined_sampled = sampled;
    }

    pub fn mined_sampled(&self) -> bool {
        self.mined_sampled
    }

    /// The mined recurring phrases, best first.
    pub fn mined(&self) -> &[MinedPhrase] {
        &self.mined
    }

    /// Hides the `i`th mined phrase (the user hid it for good): no longer
    /// listed nor underlined.
    pub fn hide_mined(&mut self, i: usize) {
        if let Some(m) = self.mined.get_mut(i) {
            m.hidden = true;
        }
    }

    /// The variants merged into a mined phrase (none for any other text).
    pub fn mined_variants(&self, phrase: &str) -> &[String] {
        self.mined
            .iter()
            .find(|m| m.phrase == phrase)
            .map_or(&[][..], |m| m.variants.as_slice())
    }

    pub fn mined_finder(&self) -> Option<&PhraseFinder> {
        self.mined_finder.as_deref()
    }

    /// The most-similar index (MinHash sketches by article id).
    pub fn similarity(&self) -> &SimilarityIndex {
        &self.similarity
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn len(&self) -> usize {
        self.corpus.len()
    }

    pub fn is_empty(&self) -> bool {
        self.corpus.is_empty()
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.corpus.get(id)
    }

    pub fn articles(&self) -> &[Article] {
        self.corpus.articles()
    }

    pub fn speaker_names(&self) -> &[String] {
        &self.speaker_names
    }

    pub fn speakers_of(&self, id: ArticleId) -> &[u32] {
        self.article_speakers.get(id as usize).map_or(&[], Vec::as_slice)
    }

    pub fn family_labels(&self) -> &[String] {
        &self.family_labels
    }

    pub fn families_of(&self, id: ArticleId) -> &[u16] {
        self.article_families.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Finds a family by label: case-insensitive, spaces, hyphens and
    /// underscores alike, or a unique prefix.
    pub fn family_id(&self, label: &str) -> Option<u16> {
        match self.families_matching(label)[..] {
            [id] => Some(id),
            _ => None,
        }
    }

    /// The families `label` can mean: the one it names (case-insensitive,
    /// spaces, hyphens and underscores alike), else every family whose
    /// label it begins.
    pub fn families_matching(&self, label: &str) -> Vec<u16> {
        let key = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, ' ' | '-' | '_'))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let want = key(label);
        let keys: Vec<String> = self.family_labels.iter().map(|l| key(l)).collect();
        if let Some(i) = keys.iter().position(|k| *k == want) {
            return vec![i as u16];
        }
        keys.iter()
            .enumerate()
            .filter(|(_, k)| k.starts_with(&want))
            .map(|(i, _)| i as u16)
            .collect()
    }

    /// A number that changes whenever the articles or their facts do (what
    /// is computed from them, such as the story index, is stale when it
    /// differs).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Adds articles (background loading) with their facts.
    pub fn append(&mut self, articles: Vec<Article>, facts: Vec<Facts>) {
        self.revision += 1;
        self.date_order = std::sync::OnceLock::new();
        self.outlet_ranks = std::sync::OnceLock::new();
        let mut facts = facts.into_iter();
        for a in articles {
            self.order_columns.set(self.corpus.len() as ArticleId, &a);
            let id = self.corpus.push(a);
            self.set_facts(id, facts.next().unwrap_or_default());
        }
        let n = self.corpus.len();
        self.article_speakers.resize(n, Vec::new());
        self.article_families.resize(n, Vec::new());
    }

    /// Applies changed and removed files (live reload) at once; see
    /// [`queue_changes`](Self::queue_changes) for the same a slice at a time.
    pub fn apply(
        &mut self,
        changed: Vec<(PathBuf, Vec<Article>, Vec<Facts>)>,
        removed: &[PathBuf],
    ) -> ChangeSummary {
        self.queue_changes(changed, removed.to_vec());
        let mut summary = ChangeSummary::default();
        while let Some(s) = self.apply_queued(None) {
            merge(&mut summary, s);
        }
        summary
    }

    /// Queues a batch of changed files (with the articles each holds now
    /// and their facts) and removed files or folders, to be applied by
    /// [`apply_queued`](Self::apply_queued), after any batch queued before.
    pub fn queue_changes(
        &mut self,
        changed: Vec<(PathBuf, Vec<Article>, Vec<Facts>)>,
        removed: Vec<PathBuf>,
    ) {
        let n = changed.len();
        self.queued.push_back(Batch {
            changed: changed.into(),
            removed,
            removed_done: 0,
            sweep: None,
            finder: None,
            found: Vec::new(),
            affected: None,
            phrase: 0,
            found_at: 0,
            // sized at once: growing it would rehash it all in one slice
            read: HashSet::with_capacity(n),
            summary: ChangeSummary::default(),
        });
    }

    /// Queues a full reload: every file read again (`changed`), so a file
    /// known and not among them is removed (checked a slice at a time).
    pub fn queue_full_reload(&mut self, changed: Vec<(PathBuf, Vec<Article>, Vec<Facts>)>) {
        self.queue_changes(changed, Vec::new());
        if let Some(b) = self.queued.back_mut() {
            b.sweep = Some(None);
        }
    }

    /// Whether changes are queued.
    pub fn changes_queued(&self) -> bool {
        !self.queued.is_empty()
    }

    /// Applies queued changes until `deadline` (all of them without one):
    /// each file's in one step, so the index is consistent between calls.
    /// Returns what the first batch changed once it is all applied; the
    /// facts of new and changed articles are the batch's, removed ones'
    /// are cleared, and the mined phrases are counted again in both.
    /// The cost is linear in the files changed (a removed folder: in the
    /// files below it).
    pub fn apply_queued(&mut self, deadline: Option<std::time::Instant>) -> Option<ChangeSummary> {
        let mut batch = self.queued.pop_front()?;
        self.revision += 1;
        let out_of_time = || deadline.is_some_and(|d| std::time::Instant::now() >= d);
        if batch.finder.is_none() {
            batch.finder = Some(self.mined_finder.clone());
        }
        while let Some((path, articles, facts)) = batch.changed.pop_front() {
            let key = std::path::absolute(&path).unwrap_or(path);
            let n = articles.len();
            let fresh = self.corpus.apply_file(&key, articles, &mut batch.summary);
            batch.read.insert(key);
            if !fresh.is_empty() {
                // the facts given belong to the articles in order
                let assigned = &batch.summary.assigned[batch.summary.assigned.len() - n..];
                let mut facts: Vec<Option<Facts>> = facts.into_iter().map(Some).collect();
                facts.resize_with(n, || None);
                for (&id, f) in assigned.iter().zip(facts) {
                    if fresh.contains(&id) {
                        self.grow_to(id);
                        if let Some(a) = self.corpus.get(id) {
                            self.order_columns.set(id, a);
                        }
                        self.set_facts(id, f.unwrap_or_default());
                    }
                }
                // the mined phrases in the new texts, found now (a slice's work)
                if let Some(Some(finder)) = &batch.finder {
                    for &id in &fresh {
                        if let Some(a) = self.corpus.get(id) {
                            found_in(finder, id, &a.body, &mut batch.found);
                        }
                    }
                }
            }
            if out_of_time() && !batch.changed.is_empty() {
                self.queued.push_front(batch);
                return None;
            }
        }
        // removals: a lookup in the ordered map each, some 10 µs, so
        // thousands of them are sliced too
        while batch.removed_done < batch.removed.len() {
            let end = (batch.removed_done + 256).min(batch.removed.len());
            self.corpus.remove_paths(
                &batch.removed[batch.removed_done..end],
                &batch.read,
                &mut batch.summary,
            );
            batch.removed_done = end;
            if end < batch.removed.len() && out_of_time() {
                self.queued.push_front(batch);
                return None;
            }
        }
        while let Some(after) = batch.sweep.take() {
            batch.sweep = self
                .corpus
                .remove_unread(&batch.read, after.as_deref(), 1024, &mut batch.summary)
                .map(Some);
            if batch.sweep.is_some() && out_of_time() {
                self.queued.push_front(batch);
                return None;
            }
        }
        if batch.affected.is_none() {
            self.settle_batch(&mut batch);
            if !batch.affected.as_ref().is_some_and(Vec::is_empty) && out_of_time() {
                self.queued.push_front(batch);
                return None;
            }
        }
        // the mined phrases counted again, some phrases a slice
        let affected = batch.affected.take().unwrap_or_default();
        while batch.phrase < self.mined.len() && !affected.is_empty() {
            let end = (batch.phrase + 16).min(self.mined.len());
            self.recount_phrases(batch.phrase..end, &affected, &mut batch.found_at, &batch.found);
            batch.phrase = end;
            if end < self.mined.len() && out_of_time() {
                batch.affected = Some(affected);
                self.queued.push_front(batch);
                return None;
            }
        }
        Some(std::mem::take(&mut batch.summary))
    }

    /// Once every file of a batch is applied: the removed articles' facts
    /// are cleared, and the articles whose mined phrases are to be counted
    /// again are known (see [`Self::recount_phrases`]).
    fn settle_batch(&mut self, batch: &mut Batch) {
        if batch.read.len() > 10_000 {
            // 100,000 paths take a while to free: not on this thread
            let read = std::mem::take(&mut batch.read);
            std::thread::spawn(move || drop(read));
        }
        let n = self.corpus.len();
        self.article_speakers.resize(n, Vec::new());
        self.article_families.resize(n, Vec::new());
        let summary = &batch.summary;
        // removed articles (also those a changed file no longer holds)
        for &id in &summary.removed {
            self.article_speakers[id as usize].clear();
            if let Some(q) = self.article_quotes.get_mut(id as usize) {
                q.clear();
            }
            self.article_families[id as usize].clear();
            if let Some(c) = self.article_family_counts.get_mut(id as usize) {
                c.clear();
            }
            self.similarity.set_sketch(id, Default::default());
            self.order_columns.clear(id);
        }
        if summary.is_empty() {
            batch.affected = Some(Vec::new());
            return;
        }
        self.date_order = std::sync::OnceLock::new();
        self.outlet_ranks = std::sync::OnceLock::new();
        let mut affected: Vec<ArticleId> = summary
            .removed
            .iter()
            .chain(&summary.added)
            .chain(&summary.updated)
            .copied()
            .collect();
        affected.sort_unstable();
        affected.dedup();
        let same_finder = match (&batch.finder, &self.mined_finder) {
            (Some(Some(a)), Some(b)) => Arc::ptr_eq(a, b),
            (Some(None), None) => true,
            _ => false,
        };
        if !same_finder {
            // the phrases were mined meanwhile: find them in every text touched
            batch.found.clear();
            if let Some(finder) = self.mined_finder.clone() {
                for &id in &affected {
                    if let Some(a) = self.corpus.get(id) {
                        found_in(&finder, id, &a.body, &mut batch.found);
                    }
                }
            }
        }
        // found for a text that a later file of the batch replaced or removed
        let live: Vec<bool> = batch.found.iter().map(|f| self.is_live(f.1)).collect();
        let mut k = 0;
        batch.found.retain(|_| {
            k += 1;
            live[k - 1]
        });
        batch.found.sort_unstable();
        batch.found.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        batch.affected = Some(affected);
    }

    /// Counts the mined phrases `phrases` again in `ids` (sorted: the
    /// articles added, changed or removed), given what was found in the
    /// live ones (`found`, sorted by phrase then article; `at` is how far
    /// phrases before these took it), so that their articles and counts
    /// stay those of the texts as they are now. Linear in the phrases'
    /// articles.
    fn recount_phrases(
        &mut self,
        phrases: Range<usize>,
        ids: &[ArticleId],
        at: &mut usize,
        found: &[(usize, ArticleId, u32)],
    ) {
        for p in phrases {
            let Some(m) = self.mined.get_mut(p) else { break };
            while found.get(*at).is_some_and(|f| f.0 < p) {
                *at += 1;
            }
            let from = *at;
            while found.get(*at).is_some_and(|f| f.0 == p) {
                *at += 1;
            }
            let mine = &found[from..*at];
            let counted = m.counts.len() == m.docs.len();
            let mut docs = Vec::with_capacity(m.docs.len() + mine.len());
            let mut counts = Vec::with_capacity(if counted { docs.capacity() } else { 0 });
            let mut occurrences = 0usize;
            let mut new = mine.iter().peekable();
            for (k, &d) in m.docs.iter().enumerate() {
                while let Some(&&(_, id, c)) = new.peek()
                    && id < d
                {
                    docs.push(id);
                    counts.push(c);
                    occurrences += c as usize;
                    new.next();
                }
                if ids.binary_search(&d).is_ok() {
                    continue;
                }
                docs.push(d);
                if counted {
                    counts.push(m.counts[k]);
                    occurrences += m.counts[k] as usize;
                }
            }
            for &(_, id, c) in new {
                docs.push(id);
                counts.push(c);
                occurrences += c as usize;
            }
            if counted {
                m.occurrences = occurrences;
                m.counts = counts;
            } else {
                // without per-article counts, only what was found is known
                m.occurrences += mine.iter().map(|f| f.2 as usize).sum::<usize>();
            }
            m.docs = docs;
        }
    }

    /// Makes room for facts of article `id`.
    fn grow_to(&mut self, id: ArticleId) {
        let n = (id as usize + 1).max(self.corpus.len());
        if self.article_speakers.len() < n {
            self.article_speakers.resize(n, Vec::new());
        }
        if self.article_families.len() < n {
            self.article_families.resize(n, Vec::new());
        }
    }

    /// False for articles whose file was deleted or changed away.
    pub fn is_live(&self, id: ArticleId) -> bool {
        self.corpus.is_live(id)
    }

    /// Sets family facts directly (labels, and the families in each
    /// article), without a phrase book: for tests of queries.
    pub fn set_families(&mut self, labels: Vec<String>, per_article: Vec<Vec<u16>>) {
        self.family_labels = labels;
        self.article_family_counts = per_article.iter().map(|f| vec![1; f.len()]).collect();
        self.article_families = per_article;
        self.article_families.resize(self.corpus.len(), Vec::new());
    }

    /// Sets speaker facts directly (names, and the speakers quoted in each
    /// article), without quotes: for tests of queries.
    pub fn set_speakers(&mut self, names: Vec<String>, per_article: Vec<Vec<u32>>) {
        self.revision += 1;
        self.speakers = names
            .iter()
            .map(|n| Speaker {
                name: n.clone(),
                kind: SpeakerKind::Person,
                role: None,
            })
            .collect();
        self.speaker_names = names;
        self.article_speakers = per_article;
        self.article_speakers.resize(self.corpus.len(), Vec::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Article, Meta};

    #[test]
    fn a_live_change_counts_the_mined_phrases_again() {
        let art = |p: &str, body: &str| Article::from_text(p, body, false);
        let mut ix = Index::new(Corpus::new(vec![
            art("/d/a.txt", "A\n\nThey held harbour talks twice: harbour talks."),
            art("/d/b.txt", "B\n\nShe wants harbour talks so."),
            art("/d/c.txt", "C\n\nNothing here."),
        ]));
        ix.mine_phrases(&MineOptions::default());
        let talks = |ix: &Index| {
            let m = ix
                .mined()
                .iter()
                .find(|m| m.phrase == "harbour talks")
                .expect("mined");
            (m.docs.clone(), m.counts.clone(), m.occurrences)
        };
        assert_eq!(talks(&ix), (vec![0, 1], vec![2, 1], 3));
        // b no longer says it, c now does, a is deleted
        ix.apply(
            vec![
                (
                    PathBuf::from("/d/b.txt"),
                    vec![art("/d/b.txt", "B\n\nShe said nothing.")],
                    Vec::new(),
                ),
                (
                    PathBuf::from("/d/c.txt"),
                    vec![art("/d/c.txt", "C\n\nHe held harbour\ntalks.")],
                    Vec::new(),
                ),
            ],
            &[PathBuf::from("/d/a.txt")],
        );
        assert_eq!(talks(&ix), (vec![2], vec![1], 1));
    }

    fn many(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| Article::from_text(format!("/d/many/{i:06}.txt"), &format!("T{i}\n\nbody {i}"), false))
            .collect()
    }

    #[test]
    fn a_burst_of_deletions_is_applied_in_linear_time() {
        // 20,000 files deleted one by one: quadratic, this took minutes
        let n = 20_000;
        let mut ix = Index::new(Corpus::new(many(n)));
        let removed: Vec<PathBuf> = (0..n)
            .map(|i| PathBuf::from(format!("/d/many/{i:06}.txt")))
            .collect();
        let t = std::time::Instant::now();
        let s = ix.apply(Vec::new(), &removed);
        let took = t.elapsed();
        println!("{n} deletions applied in {took:?}");
        assert_eq!(s.removed.len(), n);
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
        // and the same with a folder removed at once, among others
        let mut ix = Index::new(Corpus::new(many(n)));
        let s = ix.apply(Vec::new(), &[PathBuf::from("/d/many"), PathBuf::from("/d/man")]);
        assert_eq!(s.removed.len(), n);
    }

    #[test]
    fn a_full_reload_removes_the_files_not_read_a_slice_at_a_time() {
        let arts = many(10_000);
        let mut ix = Index::new(Corpus::new(arts.clone()));
        // every other file read again (one changed), the rest gone
        let read: Vec<(PathBuf, Vec<Article>, Vec<Facts>)> = arts
            .iter()
            .step_by(2)
            .map(|a| (PathBuf::from(&a.path), vec![a.clone()], Vec::new()))
            .collect();
        ix.queue_full_reload(read);
        let past = Some(std::time::Instant::now());
        let mut slices = 0;
        let s = loop {
            slices += 1;
            if let Some(s) = ix.apply_queued(past) {
                break s;
            }
        };
        assert!(slices > 5000 / 16, "{slices}");
        assert_eq!(s.removed.len(), 5_000);
        assert!(s.added.is_empty() && s.updated.is_empty());
        assert!((0..10_000).all(|id| ix.is_live(id) == (id % 2 == 0)));
    }

    #[test]
    fn queued_changes_are_applied_a_slice_at_a_time() {
        let mut ix = Index::new(Corpus::new(many(100)));
        let changed: Vec<(PathBuf, Vec<Article>, Vec<Facts>)> = (0..100)
            .map(|i| {
                let p = format!("/d/many/{i:06}.txt");
                let body = if i % 2 == 0 {
                    format!("T{i}\n\nchanged {i}")
                } else {
                    format!("T{i}\n\nbody {i}")
                };
                (
                    PathBuf::from(&p),
                    vec![Article::from_text(p, &body, false)],
                    Vec::new(),
                )
            })
            .collect();
        ix.queue_changes(changed, vec![PathBuf::from("/d/many/000099.txt")]);
        ix.queue_changes(Vec::new(), vec![PathBuf::from("/d/many/000001.txt")]);
        let past = Some(std::time::Instant::now());
        let mut slices = 0;
        let first = loop {
            slices += 1;
            if let Some(s) = ix.apply_queued(past) {
                break s;
            }
            assert!(ix.changes_queued());
        };
        // a file a slice when the time is up, then the counts of the
        // mined phrases
        assert_eq!(slices, 101);
        assert_eq!(first.updated.len(), 50);
        // a file read in the batch is not removed by it
        assert!(first.removed.is_empty());
        assert!(ix.is_live(99));
        // (its files, then its mined phrases)
        assert!(ix.apply_queued(past).is_none());
        let second = ix.apply_queued(past).expect("the second batch");
        assert_eq!(second.removed, [1]);
        assert!(!ix.changes_queued());
        assert!(ix.apply_queued(past).is_none());
    }

    proptest::proptest! {
        #[test]
        fn date_order_is_the_date_order(dates in proptest::collection::vec(
            proptest::option::of("(19|20)[0-9]{2}(-[01]?[0-9](-[0-3]?[0-9](T[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?)?)?)?|[A-Za-z ]{0,20}|[1-9] (March|Sep|December) 20[0-9]{2}"),
            0..60,
        )) {
            let articles: Vec<Article> = dates
                .iter()
                .map(|d| Article::from_parts("a.txt".into(), Meta { title: "t".into(), date: d.clone(), ..Meta::default() }, "body", false))
                .collect();
            // a date that parses is kept as ISO text; one that does not is left out
            for (a, d) in articles.iter().zip(&dates) {
                let parsed = d.as_deref().and_then(|d| Date::parse(d).ok());
                proptest::prop_assert_eq!(a.date, parsed);
                proptest::prop_assert_eq!(a.meta.date.clone(), parsed.map(|p| p.to_string()));
            }
            let mut expected: Vec<ArticleId> = (0..articles.len() as ArticleId).collect();
            expected.sort_by_key(|&id| {
                let d = articles[id as usize].date;
                (d.is_none(), d.map(|d| (d.year(), d.month(), d.day())), id)
            });
            let dates: Vec<Option<Date>> = articles.iter().map(|a| a.date).collect();
            proptest::prop_assert_eq!(DateOrder::of(&dates).ids, expected);
        }
    }
}
