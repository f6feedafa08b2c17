//! Stories: the story index of the articles, built off the UI thread once
//! per change of the articles and shared by the stories view and the
//! most-similar list (`f`); the stories view (groups of articles reporting
//! one event, over the filter's articles) and a group's articles, from
//! which any two are compared.
//!
//! The work runs in steps between frames ([`App::tick`]): the articles are
//! taken a slice at a time ([`Snapshot::gather`], on the UI thread, within
//! the frame's budget), then indexed and grouped on a worker thread. Each
//! request carries a number; a result whose pane is gone or was opened
//! again meanwhile (another filter) is dropped.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Instant;

use super::picker::Picker;
use super::screen::{Env, Outcome, Pane, Screen};
use super::{Action, App, Context, Focus, Keys, SimilarState};
use crate::analysis::stories::{Similar, StoryIndex, rank_similar};
use crate::store::ArticleId;
use crate::stories::{Snapshot, StoryRow};

/// Articles taken into the snapshot between two looks at the clock.
const GATHER_CHUNK: usize = 512;

/// Longest a frame waits for the worker thread.
const WAIT: std::time::Duration = std::time::Duration::from_millis(4);

/// How many similar articles the list shows.
pub const SIMILAR_LIMIT: usize = 200;

/// Candidates from the shared-text index added to the story ones (`f`).
const SIMILAR_EXTRA: usize = 50;

/// Up to this many articles, `f` compares the article with every other
/// one: neither index promises to find a single short shared passage
/// (a 10-word quote in two long articles of different dates), and compare
/// does; past it, the candidates are the two indexes' best.
pub const SIMILAR_COMPARE_ALL: usize = 2_000;

/// The story index of the articles at one revision, with the pairs the
/// groups are made from.
#[derive(Debug)]
pub struct StoryBase {
    /// [`Index::revision`](crate::index::Index::revision) when it was taken.
    pub revision: u64,
    pub snapshot: Snapshot,
    pub index: StoryIndex,
    pub pairs: Vec<(u32, u32, f64)>,
}

/// What a pane asked for.
#[derive(Debug, Clone)]
enum Request {
    /// The stories among these articles (a filter's).
    Stories { keep: Arc<Vec<ArticleId>> },
    /// The articles most like `source`; `extra`: candidates sharing text.
    Similar { source: ArticleId, extra: Vec<u32> },
}

/// What the worker thread sends back.
enum Done {
    Base(Box<StoryBase>),
    Stories(u64, Vec<StoryRow>),
    Similar(u64, Vec<Similar>),
}

/// The story work: the shared index and the requests waiting for it.
#[derive(Debug)]
pub struct StoryWork {
    base: Option<Arc<StoryBase>>,
    /// The articles being taken, at this revision (none: not gathering).
    gathering: Option<(u64, Snapshot)>,
    /// A base being built on the worker thread, since when.
    building: Option<Instant>,
    /// Requests (number, revision asked at, what) waiting for a base.
    waiting: Vec<(u64, u64, Request)>,
    /// Requests running on the worker thread.
    running: Vec<u64>,
    seq: u64,
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// The worker threads: one core fewer than the machine has (at least
    /// one), so the UI thread keeps a core to answer keys on.
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl std::fmt::Debug for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Done")
    }
}

impl Default for StoryWork {
    fn default() -> Self {
        let (tx, rx) = channel();
        StoryWork {
            base: None,
            gathering: None,
            building: None,
            waiting: Vec::new(),
            running: Vec::new(),
            seq: 0,
            tx,
            rx,
            pool: None,
        }
    }
}

impl StoryWork {
    /// Whether anything is under way.
    pub fn busy(&self) -> bool {
        !self.waiting.is_empty()
            || !self.running.is_empty()
            || self.gathering.is_some()
            || self.building.is_some()
    }

    /// How far the work has got, for the panes waiting on it.
    pub fn progress(&self, total: usize) -> String {
        if let Some((_, snap)) = &self.gathering {
            let pct = snap.articles.len() * 100 / total.max(1);
            return format!("reading the articles… {pct}%");
        }
        if let Some(since) = self.building {
            return format!("grouping… {:.1} s", since.elapsed().as_secs_f64());
        }
        "grouping…".into()
    }

    /// The base for requests made at `revision` (one taken then or later).
    fn fresh(&self, revision: u64) -> Option<&Arc<StoryBase>> {
        self.base.as_ref().filter(|b| b.revision >= revision)
    }

    fn request(&mut self, revision: u64, request: Request) -> u64 {
        self.seq += 1;
        self.waiting.push((self.seq, revision, request));
        self.seq
    }

    fn pool(&mut self) -> Option<Arc<rayon::ThreadPool>> {
        if self.pool.is_none() {
            let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
            self.pool = rayon::ThreadPoolBuilder::new()
                .num_threads(cores.saturating_sub(1).max(1))
                .thread_name(|i| format!("readout-stories-{i}"))
                .build()
                .ok()
                .map(Arc::new);
        }
        self.pool.clone()
    }

    /// Moves the work on until `deadline`: takes articles, starts building,
    /// starts the requests a base is ready for, takes in what is done.
    fn step(&mut self, index: &crate::index::Index, deadline: Instant) -> Vec<Done> {
        let mut done = Vec::new();
        // a base is needed by a request newer than the one there is
        let need = self
            .waiting
            .iter()
            .map(|w| w.1)
            .max()
            .filter(|&r| self.fresh(r).is_none());
        if let Some(rev) = need
            && self.building.is_none()
        {
            let now = index.revision();
            match &mut self.gathering {
                // the articles changed meanwhile: start again
                Some((r, _)) if *r != now => {
                    drop_elsewhere(self.gathering.replace((now, Snapshot::default())));
                }
                Some(_) => {}
                None if rev <= now => self.gathering = Some((now, Snapshot::default())),
                None => {}
            }
            if let Some((r, snap)) = &mut self.gathering {
                let mut complete = false;
                loop {
                    let upto = snap.articles.len() + GATHER_CHUNK;
                    if snap.gather(index, upto) {
                        complete = true;
                        break;
                    }
                    if Instant::now() >= deadline {
                        break;
                    }
                }
                if complete {
                    let (revision, snapshot) = (*r, std::mem::take(snap));
                    self.gathering = None;
                    self.building = Some(Instant::now());
                    let tx = self.tx.clone();
                    let pool = self.pool();
                    std::thread::spawn(move || {
                        let build = || {
                            let index = snapshot.story_index();
                            let pairs = index.story_pairs();
                            (index, pairs)
                        };
                        let (index, pairs) = match &pool {
                            Some(p) => p.install(build),
                            None => build(),
                        };
                        let _ = tx.send(Done::Base(Box::new(StoryBase {
                            revision,
                            snapshot,
                            index,
                            pairs,
                        })));
                    });
                }
            }
        }
        // requests a base is ready for go to the worker thread
        let mut i = 0;
        while i < self.waiting.len() {
            let Some(base) = self.fresh(self.waiting[i].1).cloned() else {
                i += 1;
                continue;
            };
            let (seq, _, request) = self.waiting.remove(i);
            self.running.push(seq);
            let tx = self.tx.clone();
            let pool = self.pool();
            std::thread::spawn(move || {
                let done = match &pool {
                    Some(p) => p.install(|| run(&base, seq, request)),
                    None => run(&base, seq, request),
                };
                let _ = tx.send(done);
            });
        }
        // what is done, waiting for it until the deadline but at most
        // WAIT (no spinning; a key typed meanwhile waits no longer)
        if self.busy() && self.gathering.is_none() {
            let left = deadline.saturating_duration_since(Instant::now()).min(WAIT);
            match self.rx.recv_timeout(left) {
                Ok(d) => done.push(d),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
        }
        done.extend(self.rx.try_iter());
        let mut out = Vec::new();
        for d in done {
            match d {
                Done::Base(base) => {
                    self.building = None;
                    drop_elsewhere(self.base.replace(Arc::from(base)));
                }
                Done::Stories(seq, _) | Done::Similar(seq, _) => {
                    self.running.retain(|&s| s != seq);
                    out.push(d);
                }
            }
        }
        out
    }
}

/// Drops `t` on another thread: the story index and the snapshot of
/// 100,000 articles are millions of allocations, tens of milliseconds to free.
fn drop_elsewhere<T: Send + 'static>(t: T) {
    std::thread::spawn(move || drop(t));
}

/// Does one request over `base` (on the worker thread).
fn run(base: &StoryBase, seq: u64, request: Request) -> Done {
    let snap = &base.snapshot;
    match request {
        Request::Stories { keep } => {
            let mut member = vec![false; snap.articles.len()];
            for &id in keep.iter() {
                if let Some(m) = member.get_mut(id as usize) {
                    *m = true;
                }
            }
            let texts = snap.texts();
            let stories =
                base.index
                    .stories_among(&base.pairs, |d| member.get(d as usize) == Some(&true), &texts);
            Done::Stories(seq, sort_rows(snap.rows(stories)))
        }
        Request::Similar { source, mut extra } => {
            if snap.articles.len() <= SIMILAR_COMPARE_ALL {
                extra = (0..snap.articles.len() as u32).collect();
            }
            let text = |i: u32| snap.articles.get(i as usize).filter(|a| a.live).map(|a| &*a.body);
            Done::Similar(
                seq,
                rank_similar(&base.index, source, text, &extra, SIMILAR_LIMIT),
            )
        }
    }
}

/// Biggest stories first, then the latest (undated last), then by label.
pub fn sort_rows(mut rows: Vec<StoryRow>) -> Vec<StoryRow> {
    rows.sort_by(|x, y| {
        y.articles
            .len()
            .cmp(&x.articles.len())
            .then(x.last_date.is_none().cmp(&y.last_date.is_none()))
            .then(y.last_date.cmp(&x.last_date))
            .then(x.label.cmp(&y.label))
    });
    rows
}

impl App {
    /// The stories key: the story groups among the filter's articles.
    pub(super) fn open_stories(&mut self) {
        self.settle();
        let mut state = StoriesState::default();
        self.request_stories(&mut state);
        self.push(Screen::Stories(state));
    }

    /// Asks for the stories among the filter's articles as they are now,
    /// for `state` (whatever it waited for before is dropped when it comes).
    fn request_stories(&mut self, state: &mut StoriesState) {
        let keep: Vec<ArticleId> = self.filter.hits.iter().map(|h| h.id).collect();
        let revision = self.index.revision();
        let seq = self
            .story_work
            .request(revision, Request::Stories { keep: Arc::new(keep) });
        state.waiting = Some(seq);
        state.filtered = self.filter.is_active();
        state.revision = revision;
        state.query = self.filter.input.clone();
    }

    /// A stories view shown for articles or a filter that changed since
    /// (loading finished, files reloaded, another filter typed in the
    /// reader opened from it): its position in the stack.
    fn stale_stories(&self) -> Option<usize> {
        if self.progress.is_some() {
            // while loading, the view keeps what it has until the end
            return None;
        }
        self.screens.iter().position(|s| {
            matches!(s, Screen::Stories(st) if st.waiting.is_none()
                && (st.revision != self.index.revision() || st.query != self.filter.input))
        })
    }

    /// The `f` key: the articles most similar to the selected (or open)
    /// one, by the story similarity and what compare finds ([`rank_similar`]).
    pub(super) fn open_similar(&mut self) {
        let source = match self.focus {
            Focus::Reader => self.reader.article,
            Focus::List => self.kept(),
        };
        let Some(source) = source else { return };
        let extra: Vec<u32> = self
            .index
            .similarity()
            .most_similar(source, SIMILAR_EXTRA)
            .into_iter()
            .map(|(id, _)| id)
            .filter(|&id| self.index.is_live(id))
            .collect();
        let seq = self
            .story_work
            .request(self.index.revision(), Request::Similar { source, extra });
        self.push(Screen::Similar(SimilarState::waiting(source, seq)));
    }

    /// Whether story work is under way.
    pub(super) fn stories_busy(&self) -> bool {
        self.story_work.busy() || self.stale_stories().is_some()
    }

    /// Moves the story work on until `deadline` and gives the results to
    /// the panes waiting for them (others are dropped).
    pub(super) fn tick_stories(&mut self, deadline: Instant) {
        if let Some(at) = self.stale_stories() {
            let mut st = match self.screens.get_mut(at) {
                Some(Screen::Stories(st)) => std::mem::take(st),
                _ => StoriesState::default(),
            };
            self.request_stories(&mut st);
            if let Some(Screen::Stories(slot)) = self.screens.get_mut(at) {
                *slot = st;
            }
        }
        let done = self.story_work.step(&self.index, deadline);
        for d in done {
            match d {
                Done::Stories(seq, rows) => {
                    let size = self.size;
                    for s in self.screens.iter_mut() {
                        if let Screen::Stories(st) = s
                            && st.waiting == Some(seq)
                        {
                            st.arrived(rows.clone(), size);
                        }
                    }
                }
                Done::Similar(seq, results) => {
                    for s in self.screens.iter_mut() {
                        if let Screen::Similar(st) = s
                            && st.waiting == Some(seq)
                        {
                            let live: Vec<Similar> = results
                                .iter()
                                .filter(|r| self.index.is_live(r.id))
                                .cloned()
                                .collect();
                            st.arrived(live);
                        }
                    }
                }
                Done::Base(_) => {}
            }
        }
    }

    /// How far the story work has got, for the panes waiting on it.
    pub fn stories_progress(&self) -> String {
        self.story_work.progress(self.index.len())
    }
}

/// State of the stories view.
#[derive(Debug, Clone, Default)]
pub struct StoriesState {
    /// The request whose result is awaited (none: it arrived).
    pub waiting: Option<u64>,
    /// The articles' revision and the filter it was asked for.
    pub revision: u64,
    pub query: String,
    /// Grouped over a filter's articles (not all of them).
    pub filtered: bool,
    pub rows: Vec<StoryRow>,
    /// What `/` narrows by: label and outlets of each row.
    pub labels: Vec<String>,
    pub picker: Picker,
}

impl StoriesState {
    fn arrived(&mut self, rows: Vec<StoryRow>, _size: (u16, u16)) {
        self.waiting = None;
        self.labels = rows
            .iter()
            .map(|r| format!("{} {}", r.label, r.outlets.join(" ")))
            .collect();
        let query = std::mem::take(&mut self.picker.query);
        let typing = self.picker.typing;
        self.picker = Picker::new(rows.len());
        self.picker.typing = typing;
        self.rows = rows;
        if !query.is_empty() {
            self.picker.set_query(query, &self.labels);
        }
    }

    /// The date span of a row: "2023-03-01", "2023-03-01 – 03-04", "".
    pub fn span(row: &StoryRow) -> String {
        match (&row.first_date, &row.last_date) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) if a.get(..5) == b.get(..5) => {
                format!("{a} – {}", b.get(5..).unwrap_or(b))
            }
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => String::new(),
        }
    }
}

impl Pane for StoriesState {
    fn keys(&self) -> Keys {
        self.picker.keys(Context::Stories)
    }

    fn context(&self) -> Context {
        Context::Stories
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        if self
            .picker
            .narrow_or_move(action, &self.labels, env.picker_height(0))
        {
            return Outcome::Handled;
        }
        match action {
            Action::Open => match self.picker.current().and_then(|i| Some((i, self.rows.get(i)?))) {
                Some((i, row)) => Outcome::Push(Box::new(Screen::Story(StoryState::new(i + 1, row.clone())))),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    // -- taking things out (app/takeout.rs)
    fn export<'a>(&'a self, _env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown()
    }
    fn export_blocked(&self, _env: &Env) -> Option<String> {
        self.waiting
            .is_some()
            .then(|| "the stories are still being grouped: export when they are shown".into())
    }
}

/// State of one story's articles.
#[derive(Debug, Clone, Default)]
pub struct StoryState {
    pub row: StoryRow,
    /// Its number in the stories view (from 1), for exports.
    pub number: usize,
    pub cursor: super::Cursor,
    /// The article marked for comparison.
    pub mark: Option<ArticleId>,
}

impl StoryState {
    pub fn new(number: usize, row: StoryRow) -> StoryState {
        StoryState {
            row,
            number,
            ..StoryState::default()
        }
    }

    fn selected(&self) -> Option<ArticleId> {
        self.row.articles.get(self.cursor.selected).copied()
    }
}

impl Pane for StoryState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Story])
    }

    fn context(&self) -> Context {
        Context::Story
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        if self
            .cursor
            .navigate(action, self.row.articles.len(), env.picker_height(0))
        {
            return Outcome::Handled;
        }
        match action {
            Action::ToggleMark => {
                let Some(id) = self.selected() else {
                    return Outcome::Handled;
                };
                if self.mark == Some(id) {
                    self.mark = None;
                    return Outcome::Say("no article marked".into());
                }
                self.mark = Some(id);
                return Outcome::Say("marked A; select another, then c to compare".into());
            }
            Action::Compare => {
                return match (self.mark, self.selected()) {
                    (Some(a), Some(b)) if a != b => Outcome::Compare(a, b),
                    _ => Outcome::Say("mark an article with m, select another, then c".into()),
                };
            }
            Action::Open => {
                if let Some(id) = self.selected() {
                    return Outcome::Read(id, 0..0);
                }
            }
            Action::Back => return Outcome::Pop,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    // -- taking things out (app/takeout.rs)
    fn export<'a>(&'a self, env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown(env)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn row(n: usize, last: Option<&str>, label: &str) -> StoryRow {
        StoryRow {
            label: label.into(),
            articles: (0..n as u32).collect(),
            cohesion: 0.5,
            first_date: last.map(String::from),
            last_date: last.map(String::from),
            outlets: Vec::new(),
        }
    }

    #[test]
    fn rows_sort_by_size_then_latest_date() {
        let rows = sort_rows(vec![
            row(2, Some("2023-01-05"), "old pair"),
            row(3, None, "undated three"),
            row(2, None, "undated pair"),
            row(2, Some("2024-02-01"), "new pair"),
        ]);
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["undated three", "new pair", "old pair", "undated pair"]);
    }

    #[test]
    fn spans_are_short_within_a_year() {
        let mut r = row(2, Some("2023-03-01"), "x");
        assert_eq!(StoriesState::span(&r), "2023-03-01");
        r.last_date = Some("2023-03-04".into());
        assert_eq!(StoriesState::span(&r), "2023-03-01 – 03-04");
        r.last_date = Some("2024-01-02".into());
        assert_eq!(StoriesState::span(&r), "2023-03-01 – 2024-01-02");
        r.first_date = None;
        assert_eq!(StoriesState::span(&r), "");
    }

    #[test]
    fn a_result_is_only_taken_by_the_request_waiting_for_it() {
        let index = crate::index::Index::default();
        let mut work = StoryWork::default();
        let first = work.request(
            index.revision(),
            Request::Stories {
                keep: Arc::new(vec![]),
            },
        );
        let second = work.request(
            index.revision(),
            Request::Stories {
                keep: Arc::new(vec![]),
            },
        );
        assert_ne!(first, second);
        let mut seen = Vec::new();
        let until = Instant::now() + Duration::from_secs(30);
        while work.busy() && Instant::now() < until {
            for d in work.step(&index, Instant::now() + Duration::from_millis(10)) {
                if let Done::Stories(seq, rows) = d {
                    assert!(rows.is_empty());
                    seen.push(seq);
                }
            }
        }
        seen.sort();
        assert_eq!(seen, [first, second]);
        assert!(work.base.is_some());
    }
}
