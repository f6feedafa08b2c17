//! The outlet and period views (issue 14): the outlets × formulas heat map
//! (`O`), keyness of the filtered articles against the rest (`K`) and the
//! timeline of a query or a phrase (`T`), with the list's order and split
//! keys. The numbers come from [`crate::survey`], as the headless
//! `readout outlets|keyness|timeline` print them; these panes only choose
//! the articles, hold the results and move a cursor over them.
//!
//! Nothing is computed in the key event that opens a view: the view opens
//! "computing…" and its `tick` does the work between frames. The word
//! counts keyness reads (0.85 s for 10,000 articles, 11 s for 100,000) are
//! made on a worker thread, once per corpus, and shared through
//! [`WordCounts`]; a result for articles that changed meanwhile is dropped.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use super::cursor::Cursor;
use super::layout;
use super::screen::{Env, Outcome, Pane, Screen};
use super::{Action, App, Context, Keys, KwicState};
use crate::concordance::PhraseRef;
use crate::index::Index;
use crate::query::{Matcher, parse};
use crate::store::ArticleId;
use crate::survey::{
    self, KeyTerm, Keyness, KeynessOptions, OutletOptions, OutletTable, Reference, Snapshot, SnapshotBuilder,
    TermKind, Terms, Timeline, TimelineOptions, UNKNOWN_OUTLET,
};

/// The heat-map bucket of a share (0 to 1): 0 for none, then 1 to 4 for
/// under 10 %, under 25 %, under 50 %, and half or more.
pub fn heat_bucket(share: f64) -> u8 {
    if share.is_nan() || share <= 0.0 {
        0
    } else if share < 0.10 {
        1
    } else if share < 0.25 {
        2
    } else if share < 0.50 {
        3
    } else {
        4
    }
}

/// Work on a thread of its own; its result arrives through a channel.
#[derive(Debug)]
pub struct Job<T> {
    rx: Receiver<T>,
    started: Instant,
}

/// What a [`Job`] has to say.
enum Poll<T> {
    Ready(T),
    Waiting,
    /// The thread could not start, or ended without a result.
    Failed,
}

impl<T: Send + 'static> Job<T> {
    fn spawn(f: impl FnOnce() -> T + Send + 'static) -> Job<T> {
        let (tx, rx) = mpsc::channel();
        // when the thread cannot start, `tx` goes with the closure and
        // the job reports Failed
        let _ = std::thread::Builder::new()
            .name("readout-survey".into())
            .spawn(move || {
                let _ = tx.send(f());
            });
        Job {
            rx,
            started: Instant::now(),
        }
    }

    /// The result if it arrives within `wait`.
    fn poll(&self, wait: Duration) -> Poll<T> {
        match self.rx.recv_timeout(wait) {
            Ok(t) => Poll::Ready(t),
            Err(RecvTimeoutError::Timeout) => Poll::Waiting,
            Err(RecvTimeoutError::Disconnected) => Poll::Failed,
        }
    }
}

/// The per-article word counts keyness reads, shared by the app and its
/// keyness views (made once per corpus).
#[derive(Debug, Clone, Default)]
pub struct WordCounts(Arc<Mutex<Option<Arc<Terms>>>>);

impl WordCounts {
    /// The counts, when made for the articles as they are now.
    fn get(&self, index: &Index) -> Option<Arc<Terms>> {
        let held = self.0.lock().ok()?.clone()?;
        held.matches(index).then_some(held)
    }

    fn set(&self, terms: Arc<Terms>) {
        if let Ok(mut held) = self.0.lock() {
            *held = Some(terms);
        }
    }
}

/// Corpora up to this size are surveyed within one tick (10,000 articles:
/// 3 to 10 ms); bigger ones on a worker thread, from a snapshot copied a
/// slice at a time, so no event waits for them.
pub const SURVEY_AT_ONCE: usize = 10_000;

/// A survey under way.
#[derive(Debug, Default)]
pub enum Work<T> {
    /// Not started.
    #[default]
    Todo,
    /// Copying what the survey reads (a big corpus), this far.
    Copying(Box<SnapshotBuilder>),
    /// Computing on a worker thread.
    Running(Job<T>),
}

impl<T> Work<T> {
    /// What the view says while it waits.
    pub fn describe(&self) -> String {
        match self {
            Work::Todo => "computing…".into(),
            Work::Copying(b) => format!(
                "copying the articles' outlets and dates… {:.0}%",
                b.progress() * 100.0
            ),
            Work::Running(j) => format!(
                "computing on a worker thread… {:.1} s",
                j.started.elapsed().as_secs_f64()
            ),
        }
    }
}

/// Moves a survey on until `deadline`: at once over the index for a small
/// corpus (`direct`), else a snapshot copied in slices and `on_worker` run
/// on a thread of its own. The result when there is one; an error when the
/// worker ended without one.
fn advance<T: Send + 'static>(
    work: &mut Work<T>,
    index: &Index,
    deadline: Instant,
    at_once: usize,
    direct: impl FnOnce(&Index) -> T,
    on_worker: impl FnOnce(Snapshot) -> T + Send + 'static,
) -> Result<Option<T>, String> {
    if let Work::Todo = work {
        if index.len() <= at_once {
            return Ok(Some(direct(index)));
        }
        *work = Work::Copying(Box::new(SnapshotBuilder::new(index)));
    }
    if let Work::Copying(b) = work {
        if b.is_stale(index) {
            **b = SnapshotBuilder::new(index);
        }
        match b.step(index, deadline) {
            Some(snap) => *work = Work::Running(Job::spawn(move || on_worker(snap))),
            None => return Ok(None),
        }
    }
    if let Work::Running(job) = work {
        // wait a little for it (the loop would only come back), never the
        // whole slice: a key pressed meanwhile waits for this
        let wait = deadline
            .saturating_duration_since(Instant::now())
            .min(Duration::from_millis(3));
        match job.poll(wait) {
            Poll::Ready(t) => {
                *work = Work::Todo;
                return Ok(Some(t));
            }
            Poll::Waiting => return Ok(None),
            Poll::Failed => {
                *work = Work::Todo;
                return Err("the computation ended without a result".into());
            }
        }
    }
    Ok(None)
}

/// The articles a view is about: the filter's (sorted by id), and the query
/// that selects them ("" without a filter).
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub ids: Vec<ArticleId>,
    pub query: String,
    /// Every live article (no filter).
    pub all: bool,
}

impl Scope {
    /// How the views name it.
    pub fn describe(&self) -> String {
        if self.all {
            format!("all {} articles", self.ids.len())
        } else {
            format!("{} articles of /{}", self.ids.len(), self.query)
        }
    }
}

// ---------------------------------------------------------------- outlets

/// The outlets × formulas view.
#[derive(Debug)]
pub struct OutletsState {
    pub scope: Scope,
    /// None until computed (in `tick`).
    pub table: Option<OutletTable>,
    /// The selected outlet (row) and formula (column).
    pub rows: Cursor,
    pub col: usize,
    /// The first formula column shown (the columns scroll with `col`).
    pub col_offset: usize,
    /// Numbers in the cells (else the heat map alone).
    pub numbers: bool,
    /// The table being computed; why it could not be.
    pub work: Work<OutletTable>,
    pub failed: Option<String>,
    /// Corpora bigger than this are surveyed on a worker ([`SURVEY_AT_ONCE`]).
    pub at_once: usize,
}

/// Columns of the outlets view: outlet names, then each cell.
pub const OUTLET_NAME_WIDTH: u16 = 22;
pub const OUTLET_COUNT_WIDTH: u16 = 6;
pub const OUTLET_CELL_WIDTH: u16 = 7;
/// Lines above the outlets' rows (a header, the selected cell's details,
/// the column heads: their numbers) inside the border.
pub const OUTLET_TOP: u16 = 3;
/// Columns between two entries of a legend.
pub const LEGEND_GAP: usize = 3;

/// Where the outlets view draws: the rows of outlets, the legend naming
/// the numbered columns (at most this high, below the rows with a blank
/// line between) and how many formula columns fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutletLayout {
    pub rows: Rect,
    pub legend: Rect,
    pub fits: usize,
    /// Columns of the outlets' names (fewer in a narrow terminal).
    pub name_width: u16,
}

/// Columns of the outlets' names in a narrow terminal (under 60 inside).
pub const OUTLET_NAME_WIDTH_NARROW: u16 = 14;

/// The legend's entry for column `c`: its number (from 1, as the head
/// shows it) and its label, a family as `#label`, a formula in quotes.
pub fn outlet_legend_entry(table: &OutletTable, c: usize) -> String {
    let Some(col) = table.columns.get(c) else {
        return String::new();
    };
    let label = crate::store::escape_controls(&super::one_line(&col.label)).into_owned();
    if col.family {
        format!("{} #{label}", c + 1)
    } else {
        format!("{} “{label}”", c + 1)
    }
}

/// Items `widths` columns wide laid in order along lines of `width`
/// columns, `gap` apart: the items of each line. An item wider than a line
/// has a line to itself (cut when drawn).
pub fn pack_lines(widths: &[usize], width: usize, gap: usize) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, &w) in widths.iter().enumerate() {
        if i > start && used + gap + w > width {
            lines.push(start..i);
            (start, used) = (i, w);
        } else {
            used += if i > start { gap + w } else { w };
        }
    }
    if start < widths.len() {
        lines.push(start..widths.len());
    }
    lines
}

/// The outlets view's regions for `table` in the `main` area. The legend
/// is as high as the most any scroll position needs (so the rows do not
/// jump as the cursor moves), and at most half of what is below the heads.
pub fn outlet_layout(main: Rect, table: Option<&OutletTable>) -> OutletLayout {
    let i = layout::inner(main);
    let top = OUTLET_TOP.min(i.height);
    let below = i.height - top;
    let name_width = if i.width < 60 {
        OUTLET_NAME_WIDTH_NARROW
    } else {
        OUTLET_NAME_WIDTH
    };
    let cells = i.width.saturating_sub(name_width + OUTLET_COUNT_WIDTH) / OUTLET_CELL_WIDTH;
    let fits = usize::from(cells).max(1);
    let need = table.map_or(0, |t| {
        let widths: Vec<usize> = (0..t.columns.len())
            .map(|c| unicode_width::UnicodeWidthStr::width(outlet_legend_entry(t, c).as_str()))
            .collect();
        let shown = fits.min(widths.len());
        (0..=widths.len() - shown)
            .map(|first| pack_lines(&widths[first..first + shown], usize::from(i.width), LEGEND_GAP).len())
            .max()
            .unwrap_or(0)
    });
    let room = if below >= 5 { (below - 1) / 2 } else { 0 };
    let legend = (need.min(usize::from(room))) as u16;
    let gap = u16::from(legend > 0);
    let rows = Rect {
        y: i.y + top,
        height: below - legend - gap,
        ..i
    };
    OutletLayout {
        rows,
        legend: Rect {
            y: rows.bottom() + gap,
            height: legend,
            ..i
        },
        fits,
        name_width,
    }
}

impl OutletsState {
    pub fn new(scope: Scope) -> OutletsState {
        OutletsState {
            scope,
            table: None,
            rows: Cursor::default(),
            col: 0,
            col_offset: 0,
            numbers: false,
            work: Work::Todo,
            failed: None,
            at_once: SURVEY_AT_ONCE,
        }
    }

    /// Where the view draws in the terminal of `env`.
    pub fn layout(&self, main: Rect) -> OutletLayout {
        outlet_layout(main, self.table.as_ref())
    }

    fn height(&self, env: &Env) -> usize {
        usize::from(self.layout(env.main_area()).rows.height).max(1)
    }

    /// The first formula column shown when `fits` of them fit: the one
    /// last shown, scrolled just enough to show the selected one.
    pub fn first_column(&self, fits: usize) -> usize {
        let fits = fits.max(1);
        let cols = self.table.as_ref().map_or(0, |t| t.columns.len());
        let first = if self.col < self.col_offset {
            self.col
        } else if self.col >= self.col_offset + fits {
            self.col + 1 - fits
        } else {
            self.col_offset
        };
        first.min(cols.saturating_sub(fits))
    }

    /// Scrolls the columns so the selected one is shown.
    fn keep_column_visible(&mut self, env: &Env) {
        self.col_offset = self.first_column(self.layout(env.main_area()).fits);
    }

    /// The query that filters to the selected cell's articles: the filter
    /// in force, the outlet and the formula. For the unknown outlet, every
    /// named outlet of the scope is left out.
    pub fn cell_query(&self, index: &Index) -> Option<String> {
        let table = self.table.as_ref()?;
        let row = self.rows.selected;
        let mut q = table.cell_query(row, self.col)?;
        if table.rows.get(row)?.outlet == UNKNOWN_OUTLET {
            let mut named: Vec<&str> = self
                .scope
                .ids
                .iter()
                .filter_map(|&id| index.article(id)?.meta.source.as_deref())
                .collect();
            named.sort_unstable();
            named.dedup();
            for name in named {
                q.push_str(&format!(" !source:\"{}\"", name.replace('"', "")));
            }
        }
        Some(if self.scope.query.trim().is_empty() {
            q
        } else {
            format!("{} {q}", self.scope.query.trim())
        })
    }

    /// The query of the selected column's formula within the scope.
    fn column_query(&self) -> Option<(String, String)> {
        let table = self.table.as_ref()?;
        let c = table.columns.get(self.col)?;
        let phrase = if c.family {
            format!("#\"{}\"", c.label.replace('"', ""))
        } else {
            format!("\"{}\"", c.label.replace('"', ""))
        };
        Some((c.label.clone(), phrase))
    }
}

impl Pane for OutletsState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Outlets])
    }

    fn context(&self) -> Context {
        Context::Outlets
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        let (rows, cols) = self
            .table
            .as_ref()
            .map_or((0, 0), |t| (t.rows.len(), t.columns.len()));
        let height = self.height(env);
        if self.rows.navigate(action, rows, height) {
            return Outcome::Handled;
        }
        match action {
            Action::Left => {
                self.col = self.col.saturating_sub(1);
                self.keep_column_visible(env);
            }
            Action::Right => {
                self.col = (self.col + 1).min(cols.saturating_sub(1));
                self.keep_column_visible(env);
            }
            Action::ToggleNumbers => self.numbers = !self.numbers,
            Action::Open => {
                return match self.cell_query(env.index) {
                    Some(q) => Outcome::Filter(q),
                    None => Outcome::Handled,
                };
            }
            Action::Timeline => {
                let Some((label, phrase)) = self.column_query() else {
                    return Outcome::Say("no formula selected".into());
                };
                let q = match self.scope.query.trim() {
                    "" => phrase,
                    base => format!("{base} {phrase}"),
                };
                return Outcome::Push(Box::new(Screen::Timeline(TimelineState::of_query(label, q))));
            }
            Action::Back => return Outcome::Pop,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    fn busy(&self) -> bool {
        self.table.is_none() && self.failed.is_none()
    }

    fn tick(&mut self, env: &Env, deadline: Instant) {
        if !self.busy() {
            return;
        }
        let ids = self.scope.ids.clone();
        let opts = OutletOptions::default();
        let done = advance(
            &mut self.work,
            env.index,
            deadline,
            self.at_once,
            |ix| survey::outlet_table(ix, Some(&self.scope.ids), &opts),
            move |snap| survey::outlet_table(&snap, Some(&ids), &opts),
        );
        match done {
            Ok(Some(table)) => {
                self.col = self.col.min(table.columns.len().saturating_sub(1));
                self.table = Some(table);
                let rows = self.table.as_ref().map_or(0, |t| t.rows.len());
                self.rows.keep_visible(rows, self.height(env));
                self.keep_column_visible(env);
            }
            Ok(None) => {}
            Err(e) => self.failed = Some(e),
        }
    }

    fn resized(&mut self, env: &Env) {
        let rows = self.table.as_ref().map_or(0, |t| t.rows.len());
        self.rows.keep_visible(rows, self.height(env));
        self.keep_column_visible(env);
    }

    /// More analysed (phrases mined, a live reload): counted again.
    fn refresh(&mut self, env: &Env) {
        self.scope.ids.retain(|&id| env.index.is_live(id));
        // a result under way is for articles as they were: dropped
        self.work = Work::Todo;
        self.table = None;
        self.failed = None;
    }

    // -- taking things out (app/takeout.rs)
    fn export<'a>(&'a self, _env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown()
    }
    fn export_blocked(&self, _env: &Env) -> Option<String> {
        blocked(
            "the outlets table",
            &self.failed,
            self.busy().then(|| self.work.describe()),
        )
    }
}

// ---------------------------------------------------------------- keyness

/// Which list of the keyness view has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Over,
    Under,
}

/// The keyness view: the scope's articles against the rest.
#[derive(Debug)]
pub struct KeynessState {
    pub scope: Scope,
    words: WordCounts,
    job: Option<Job<Arc<Terms>>>,
    /// None until computed.
    pub result: Option<Keyness>,
    /// Why there is no result.
    pub failed: Option<String>,
    pub side: Side,
    pub over: Cursor,
    pub under: Cursor,
    /// When the word counts began to be made (shown while they are).
    pub counting_since: Option<Instant>,
    /// The keyness being computed (once the word counts are there).
    pub work: Work<Keyness>,
    /// Corpora bigger than this are surveyed on a worker ([`SURVEY_AT_ONCE`]).
    pub at_once: usize,
}

/// Lines above the keyness lists inside the border (the comparison, a blank).
pub const KEYNESS_TOP: u16 = 2;

/// The keyness view's two lists (side by side when wide, else stacked),
/// each with its border. Stacked in a short terminal, where two lists
/// would show no row each, the list with the cursor (`focus`) takes the
/// place of both (Tab shows the other).
pub fn keyness_areas(main: Rect, focus: Side) -> (Rect, Rect) {
    let i = layout::inner(main);
    let top = KEYNESS_TOP.min(i.height);
    let body = Rect {
        y: i.y + top,
        height: i.height - top,
        ..i
    };
    if body.width >= 100 {
        let w = body.width / 2;
        (
            Rect { width: w, ..body },
            Rect {
                x: body.x + w,
                width: body.width - w,
                ..body
            },
        )
    } else if body.height < KEYNESS_STACKED_MIN {
        let none = Rect { height: 0, ..body };
        match focus {
            Side::Over => (body, none),
            Side::Under => (none, body),
        }
    } else {
        let h = body.height / 2;
        (
            Rect { height: h, ..body },
            Rect {
                y: body.y + h,
                height: body.height - h,
                ..body
            },
        )
    }
}

/// Lines the stacked keyness lists need to show three rows each.
pub const KEYNESS_STACKED_MIN: u16 = 2 * (2 + 1 + 3);

/// Rows of a keyness list (inside its border, below its header).
pub fn keyness_rows(list: Rect) -> Rect {
    layout::list_rows(list)
}

impl KeynessState {
    pub fn new(scope: Scope, words: WordCounts) -> KeynessState {
        KeynessState {
            scope,
            words,
            job: None,
            result: None,
            failed: None,
            side: Side::Over,
            over: Cursor::default(),
            under: Cursor::default(),
            counting_since: None,
            work: Work::Todo,
            at_once: SURVEY_AT_ONCE,
        }
    }

    fn height(&self, env: &Env) -> usize {
        let (over, under) = keyness_areas(env.main_area(), self.side);
        let list = match self.side {
            Side::Over => over,
            Side::Under => under,
        };
        usize::from(keyness_rows(list).height).max(1)
    }

    /// The term under the cursor.
    pub fn current(&self) -> Option<&KeyTerm> {
        let r = self.result.as_ref()?;
        match self.side {
            Side::Over => r.over.get(self.over.selected),
            Side::Under => r.under.get(self.under.selected),
        }
    }

    /// What to look for in the text for a term.
    fn phrase(index: &Index, term: &KeyTerm) -> PhraseRef {
        match term.kind {
            TermKind::Family => PhraseRef::resolve(index, &term.term),
            TermKind::Word | TermKind::Phrase => PhraseRef::Text(term.term.clone()),
        }
    }

    /// The filter query of a term.
    fn term_query(index: &Index, term: &KeyTerm) -> String {
        match term.kind {
            TermKind::Word => format!("'{}", term.term),
            _ => Self::phrase(index, term).query(index),
        }
    }
}

impl Pane for KeynessState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Keyness])
    }

    fn context(&self) -> Context {
        Context::Keyness
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        let h = self.height(env);
        let (over, under) = self
            .result
            .as_ref()
            .map_or((0, 0), |r| (r.over.len(), r.under.len()));
        let moved = match self.side {
            Side::Over => self.over.navigate(action, over, h),
            Side::Under => self.under.navigate(action, under, h),
        };
        if moved {
            return Outcome::Handled;
        }
        match action {
            Action::FocusNext | Action::FocusPrev | Action::Left | Action::Right => {
                self.side = match self.side {
                    Side::Over => Side::Under,
                    Side::Under => Side::Over,
                };
                Outcome::Handled
            }
            Action::Open => match self.current() {
                // within the filtered articles; a term they never use
                // (under-used), in the rest
                Some(term) => {
                    let phrase = Self::phrase(env.index, term);
                    let (title, within) = if term.target_docs > 0 {
                        (
                            format!("{} (within {})", term.term, self.scope.describe()),
                            Some(&self.scope.ids[..]),
                        )
                    } else {
                        (
                            format!(
                                "{} (in none of {}: everywhere else)",
                                term.term,
                                self.scope.describe()
                            ),
                            None,
                        )
                    };
                    Outcome::Push(Box::new(Screen::Kwic(KwicState::of(env, title, &phrase, within))))
                }
                None => Outcome::Say("no term here (Tab: the other side)".into()),
            },
            Action::Timeline => match self.current() {
                Some(term) => Outcome::Push(Box::new(Screen::Timeline(TimelineState::of_query(
                    term.term.clone(),
                    Self::term_query(env.index, term),
                )))),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    fn busy(&self) -> bool {
        self.result.is_none() && self.failed.is_none()
    }

    fn tick(&mut self, env: &Env, deadline: Instant) {
        if !self.busy() {
            return;
        }
        let index = env.index;
        let terms = match self.words.get(index) {
            Some(t) => t,
            None => {
                let job = self.job.get_or_insert_with(|| {
                    let bodies = Terms::bodies(index);
                    Job::spawn(move || Arc::new(Terms::from_bodies(&bodies)))
                });
                self.counting_since = Some(job.started);
                let wait = deadline
                    .saturating_duration_since(Instant::now())
                    .min(Duration::from_millis(3));
                match job.poll(wait) {
                    Poll::Ready(t) => {
                        self.job = None;
                        if !t.matches(index) {
                            // counted for articles that changed since: again
                            return;
                        }
                        self.words.set(t.clone());
                        t
                    }
                    Poll::Waiting => return,
                    Poll::Failed => {
                        self.job = None;
                        self.failed = Some("the word counts could not be made".into());
                        return;
                    }
                }
            }
        };
        self.counting_since = None;
        let ids = self.scope.ids.clone();
        let opts = KeynessOptions::default();
        let worker_terms = terms.clone();
        let done = advance(
            &mut self.work,
            index,
            deadline,
            self.at_once,
            |ix| survey::keyness(ix, &terms, &self.scope.ids, Reference::Rest, &opts),
            move |snap| survey::keyness(&snap, &worker_terms, &ids, Reference::Rest, &opts),
        );
        match done {
            Ok(Some(k)) => self.result = Some(k),
            Ok(None) => {}
            Err(e) => self.failed = Some(e),
        }
    }

    /// The articles changed: counted again (a result under way is dropped).
    fn refresh(&mut self, env: &Env) {
        self.scope.ids.retain(|&id| env.index.is_live(id));
        self.job = None;
        self.work = Work::Todo;
        self.result = None;
        self.failed = None;
    }

    // -- taking things out (app/takeout.rs)
    fn export<'a>(&'a self, _env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown()
    }
    fn export_blocked(&self, _env: &Env) -> Option<String> {
        let doing = match self.counting_since {
            Some(_) => "counting the words of the articles".to_string(),
            None => self.work.describe(),
        };
        blocked("keyness", &self.failed, self.busy().then_some(doing))
    }
}

// ---------------------------------------------------------------- timeline

/// The timeline view.
#[derive(Debug)]
pub struct TimelineState {
    /// What it is the timeline of (the query, or the phrase).
    pub title: String,
    /// The query whose articles are counted (evaluated in `tick`), unless
    /// the articles were given.
    pub query: Option<String>,
    pub hits: Option<Vec<ArticleId>>,
    pub timeline: Option<Timeline>,
    /// The query does not work.
    pub failed: Option<String>,
    /// Counts as they are (else each period's share of the outlet's articles).
    pub raw: bool,
    /// The query being evaluated a slice at a time: the articles looked at so far, the hits.
    evaluating: Option<(std::sync::Arc<Matcher>, usize, Vec<ArticleId>)>,
    /// The timeline being computed.
    pub work: Work<Timeline>,
    /// Corpora bigger than this are surveyed on a worker ([`SURVEY_AT_ONCE`]).
    pub at_once: usize,
}

impl TimelineState {
    /// The timeline of a query's articles.
    pub fn of_query(title: String, query: String) -> TimelineState {
        TimelineState {
            title,
            query: Some(query),
            hits: None,
            timeline: None,
            failed: None,
            raw: false,
            evaluating: None,
            work: Work::Todo,
            at_once: SURVEY_AT_ONCE,
        }
    }

    /// The timeline of these articles (the filter's).
    pub fn of_articles(title: String, ids: Vec<ArticleId>, normalised: bool) -> TimelineState {
        TimelineState {
            title,
            query: None,
            hits: Some(ids),
            timeline: None,
            failed: None,
            raw: !normalised,
            evaluating: None,
            work: Work::Todo,
            at_once: SURVEY_AT_ONCE,
        }
    }
}

impl TimelineState {
    /// What the view says while it waits.
    pub fn waiting(&self, articles: usize) -> String {
        match &self.evaluating {
            Some((_, done, _)) => format!(
                "finding the query's articles… {:.0}%",
                *done as f64 * 100.0 / articles.max(1) as f64
            ),
            None => self.work.describe(),
        }
    }
}

impl Pane for TimelineState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Timeline])
    }

    fn context(&self) -> Context {
        Context::Timeline
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        match action {
            // of every article, each outlet's share is 100% in every period
            Action::ToggleNumbers
                if self.raw
                    && self
                        .hits
                        .as_ref()
                        .is_some_and(|h| h.len() >= env.index.corpus().live_len()) =>
            {
                Outcome::Say(
                    "every article is counted: each outlet's share would be 100% (filter first: /)".into(),
                )
            }
            Action::ToggleNumbers => {
                self.raw = !self.raw;
                Outcome::Handled
            }
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    fn busy(&self) -> bool {
        self.timeline.is_none() && self.failed.is_none()
    }

    fn tick(&mut self, env: &Env, deadline: Instant) {
        if !self.busy() {
            return;
        }
        let index = env.index;
        if self.hits.is_none() {
            // the query's articles, a slice at a time
            if self.evaluating.is_none() {
                let q = self.query.clone().unwrap_or_default();
                match parse(&q)
                    .map_err(|e| e.to_string())
                    .and_then(|q| Matcher::new(&q, index).map_err(|e| e.message))
                {
                    Ok(m) => self.evaluating = Some((std::sync::Arc::new(m), 0, Vec::new())),
                    Err(e) => {
                        self.failed = Some(e);
                        return;
                    }
                }
            }
            let Some((m, done, hits)) = self.evaluating.as_mut() else {
                return;
            };
            let n = index.len();
            while *done < n {
                let end = (*done + 256).min(n);
                let ids: Vec<ArticleId> = (*done as ArticleId..end as ArticleId).collect();
                hits.extend(m.eval_slice(index, &ids).iter().map(|h| h.id));
                *done = end;
                if Instant::now() >= deadline {
                    return;
                }
            }
            let mut ids = std::mem::take(hits);
            ids.sort_unstable();
            self.hits = Some(ids);
            self.evaluating = None;
        }
        let hits = self.hits.clone().unwrap_or_default();
        let opts = TimelineOptions::default();
        let done = advance(
            &mut self.work,
            index,
            deadline,
            self.at_once,
            |ix| survey::timeline(ix, self.hits.as_deref().unwrap_or_default(), &opts),
            move |snap| survey::timeline(&snap, &hits, &opts),
        );
        match done {
            Ok(Some(t)) => self.timeline = Some(t),
            Ok(None) => {}
            Err(e) => self.failed = Some(e),
        }
    }

    fn refresh(&mut self, _env: &Env) {
        if self.query.is_some() {
            self.hits = None;
            self.evaluating = None;
        }
        self.work = Work::Todo;
        self.timeline = None;
        self.failed = None;
    }

    // -- taking things out (app/takeout.rs)
    fn export<'a>(&'a self, _env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown()
    }
    fn export_blocked(&self, env: &Env) -> Option<String> {
        let doing = self.busy().then(|| self.waiting(env.index.len()));
        blocked("the timeline", &self.failed, doing)
    }
}

/// Why a survey view has nothing whole to export: it could not be
/// computed (`failed`), or it is still being computed (`doing`: how far).
fn blocked(what: &str, failed: &Option<String>, doing: Option<String>) -> Option<String> {
    if let Some(e) = failed {
        return Some(format!("nothing to export: {e}"));
    }
    let doing = doing?;
    let doing = doing.trim_end_matches('…');
    Some(format!(
        "{what} is still being computed ({doing}): export when it is shown"
    ))
}

// ---------------------------------------------------------------- the app

impl App {
    /// The filter's articles (every live one without a filter), by id.
    fn scope(&self) -> Scope {
        let mut ids: Vec<ArticleId> = self.filter.hits.iter().map(|h| h.id).collect();
        ids.sort_unstable();
        let all = !self.filter.is_active();
        Scope {
            ids,
            query: if all {
                String::new()
            } else {
                self.filter.input.clone()
            },
            all,
        }
    }

    /// The list's order and split, and opening the outlet and period views.
    pub(super) fn update_survey(&mut self, action: Action) {
        match action {
            Action::CycleSort => {
                let keep = self.kept();
                self.sort = self.sort.next();
                self.reselect(keep);
                self.message = Some(format!(
                    "articles ordered {}",
                    self.sort.label(self.filter.is_active())
                ));
            }
            Action::WidenList | Action::NarrowList => {
                let size = Rect::new(0, 0, self.size.0, self.size.1);
                let now = self.list_split.unwrap_or_else(|| layout::default_split(size));
                let step = if action == Action::WidenList {
                    super::sort::SPLIT_STEP
                } else {
                    -super::sort::SPLIT_STEP
                };
                let share = super::split_step(now, step);
                self.list_split = Some(share);
                self.after_resize();
                let of = if size.width >= layout::SIDE_BY_SIDE_WIDTH {
                    "width"
                } else {
                    "height"
                };
                self.message = Some(format!("the list takes {share}% of the {of}"));
            }
            Action::Outlets => {
                if self.index.corpus().live_len() == 0 {
                    self.message = Some("no articles loaded: no outlets to compare".into());
                } else if self.filter.hits.is_empty() {
                    self.message = Some("no article matches the filter".into());
                } else {
                    let mut s = OutletsState::new(self.scope());
                    s.at_once = self.survey_at_once;
                    self.push(Screen::Outlets(s));
                }
            }
            Action::Keyness => {
                let scope = self.scope();
                if scope.ids.is_empty() {
                    self.message = Some("no articles to compare (filter to some first: /)".into());
                } else if scope.ids.len() >= self.index.corpus().live_len() {
                    // (short: it must fit beside the counts at 80 columns)
                    self.message = Some("keyness compares a filter with the rest: filter first (/)".into());
                } else {
                    self.push(Screen::Keyness(KeynessState::new(
                        scope,
                        self.survey_words.clone(),
                    )));
                }
            }
            Action::Timeline => {
                let scope = self.scope();
                if scope.ids.is_empty() {
                    self.message = Some("no articles to draw (the filter matches none)".into());
                } else {
                    let title = if scope.all {
                        "all articles".to_string()
                    } else {
                        format!("/{}", scope.query)
                    };
                    // of every article, each outlet's share is 1: raw counts
                    let normalised = scope.ids.len() < self.index.corpus().live_len();
                    let mut s = TimelineState::of_articles(title, scope.ids, normalised);
                    s.at_once = self.survey_at_once;
                    self.push(Screen::Timeline(s));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_buckets() {
        assert_eq!(heat_bucket(0.0), 0);
        assert_eq!(heat_bucket(f64::NAN), 0);
        assert_eq!(heat_bucket(-1.0), 0);
        assert_eq!(heat_bucket(0.01), 1);
        assert_eq!(heat_bucket(0.0999), 1);
        assert_eq!(heat_bucket(0.10), 2);
        assert_eq!(heat_bucket(0.2499), 2);
        assert_eq!(heat_bucket(0.25), 3);
        assert_eq!(heat_bucket(0.4999), 3);
        assert_eq!(heat_bucket(0.5), 4);
        assert_eq!(heat_bucket(1.0), 4);
    }

    #[test]
    fn a_job_delivers_its_result() {
        let job = Job::spawn(|| 6 * 7);
        let mut got = None;
        for _ in 0..500 {
            match job.poll(Duration::from_millis(10)) {
                Poll::Ready(v) => {
                    got = Some(v);
                    break;
                }
                Poll::Waiting => {}
                Poll::Failed => break,
            }
        }
        assert_eq!(got, Some(42));
        // a job whose thread ends without a result says so
        let job: Job<u8> = Job::spawn(|| panic!("no result"));
        let mut failed = false;
        for _ in 0..500 {
            if let Poll::Failed = job.poll(Duration::from_millis(10)) {
                failed = true;
                break;
            }
        }
        assert!(failed);
    }

    #[test]
    fn a_big_survey_goes_to_a_worker_and_a_changed_index_starts_it_again() {
        let arts = crate::store::bundled_articles();
        let mut index = Index::new(crate::store::Corpus::new(arts[..3].to_vec()));
        let opts = OutletOptions::default();
        let mut work: Work<OutletTable> = Work::Todo;
        let past = Instant::now();
        // a slice of the copy, then the articles change under it
        let first = advance(
            &mut work,
            &index,
            past,
            0,
            |_| unreachable!("not at once"),
            move |snap| survey::outlet_table(&snap, None, &opts),
        );
        assert!(matches!(first, Ok(None) | Ok(Some(_))));
        index.append(arts[3..].to_vec(), Vec::new());
        let table = loop {
            match advance(
                &mut work,
                &index,
                Instant::now() + Duration::from_millis(20),
                0,
                |_| unreachable!("not at once"),
                move |snap| survey::outlet_table(&snap, None, &opts),
            ) {
                Ok(Some(t)) if t.rows.iter().map(|r| r.articles).sum::<usize>() == index.len() => break t,
                // a result for the articles as they were: what refresh drops
                Ok(Some(_)) => work = Work::Todo,
                Ok(None) => {}
                Err(e) => panic!("{e}"),
            }
        };
        assert_eq!(table, survey::outlet_table(&index, None, &opts));
        // a small corpus: at once
        let mut work: Work<OutletTable> = Work::Todo;
        let t = advance(
            &mut work,
            &index,
            past,
            100,
            |ix| survey::outlet_table(ix, None, &opts),
            |_| unreachable!("not on a worker"),
        );
        assert_eq!(t, Ok(Some(table)));
    }

    #[test]
    fn export_waits_for_the_worker() {
        let articles = crate::store::bundled_articles();
        let facts = crate::facts::Analyzer::new().facts_all(&articles);
        let index = Index::with_facts(crate::store::Corpus::new(articles), facts);
        let env = Env {
            index: &index,
            size: (120, 30),
            input_open: false,
        };
        let mut s = OutletsState::new(Scope::default());
        // not computed yet
        let m = s.export_blocked(&env).unwrap();
        assert_eq!(
            m,
            "the outlets table is still being computed (computing): export when it is shown"
        );
        assert!(s.export(&env).is_none());
        // computing on a worker thread (held there until the test is done)
        let (tx, rx) = mpsc::channel::<()>();
        s.work = Work::Running(Job::spawn(move || {
            let _ = rx.recv_timeout(Duration::from_secs(30));
            OutletTable::default()
        }));
        let m = s.export_blocked(&env).unwrap();
        assert!(
            m.starts_with("the outlets table is still being computed (computing on a worker thread… ")
                && m.ends_with(" s): export when it is shown"),
            "{m}"
        );
        drop(tx);
        // failed: said, not an empty table
        s.work = Work::Todo;
        s.failed = Some("the computation ended without a result".into());
        assert_eq!(
            s.export_blocked(&env).as_deref(),
            Some("nothing to export: the computation ended without a result")
        );
        // done: exported
        s.failed = None;
        s.table = Some(survey::outlet_table(&index, None, &OutletOptions::default()));
        assert_eq!(s.export_blocked(&env), None);
        let t = s.export(&env).unwrap();
        assert_eq!((t.what, t.noun()), ("outlets", "outlet cells"));
        // four outlets (the unknown one too) × the twelve families found
        assert_eq!(t.len(), 4 * 12);
        // keyness while the word counts are made
        let mut k = KeynessState::new(Scope::default(), WordCounts::default());
        k.counting_since = Some(Instant::now());
        assert_eq!(
            k.export_blocked(&env).as_deref(),
            Some(
                "keyness is still being computed (counting the words of the articles): export when it is shown"
            )
        );
    }

    #[test]
    fn the_first_column_keeps_the_cursor_in_view() {
        let mut s = OutletsState::new(Scope::default());
        assert_eq!(s.first_column(4), 0);
        s.table = Some(OutletTable {
            columns: (0..12)
                .map(|i| survey::Column {
                    label: format!("formula {i}"),
                    family: i % 2 == 0,
                    articles: 1,
                })
                .collect(),
            rows: Vec::new(),
        });
        s.col = 3;
        assert_eq!(s.first_column(4), 0);
        // to the right: scrolled just enough
        s.col = 9;
        assert_eq!(s.first_column(4), 6);
        s.col_offset = 6;
        // back within the columns shown: not scrolled
        s.col = 7;
        assert_eq!(s.first_column(4), 6);
        s.col = 6;
        assert_eq!(s.first_column(4), 6);
        // left of them: scrolled just enough
        s.col = 4;
        assert_eq!(s.first_column(4), 4);
        // wider: never past the last column's window
        s.col = 9;
        assert_eq!(s.first_column(10), 2);
        assert_eq!(s.first_column(20), 0);
        assert_eq!(s.first_column(0), 9);
    }

    #[test]
    fn items_are_packed_along_lines() {
        assert_eq!(pack_lines(&[], 10, 3), Vec::<std::ops::Range<usize>>::new());
        // 4 + 3 + 3 = 10 fits; the next starts a line
        assert_eq!(pack_lines(&[4, 3, 5, 2], 10, 3), vec![0..2, 2..4]);
        // too wide for any line: one to itself
        assert_eq!(pack_lines(&[2, 30, 2], 10, 3), vec![0..1, 1..2, 2..3]);
        assert_eq!(pack_lines(&[30], 10, 3), vec![0..1]);
    }

    #[test]
    fn the_outlets_legend_is_as_high_as_the_widest_window_needs() {
        let table = OutletTable {
            columns: ["a", "bb", "a formula of many words that fills a line", "c", "d"]
                .iter()
                .map(|l| survey::Column {
                    label: l.to_string(),
                    family: false,
                    articles: 1,
                })
                .collect(),
            rows: Vec::new(),
        };
        assert_eq!(
            outlet_legend_entry(&table, 2),
            "3 “a formula of many words that fills a line”"
        );
        assert_eq!(outlet_legend_entry(&table, 9), "");
        // 40 wide: 38 inside, names 14 + count 6: two formula columns
        let main = Rect::new(0, 0, 40, 30);
        let l = outlet_layout(main, Some(&table));
        assert_eq!(l.fits, 2);
        assert_eq!(l.name_width, OUTLET_NAME_WIDTH_NARROW);
        // the window over columns 2 and 3 needs two lines
        assert_eq!(l.legend.height, 2);
        assert_eq!(l.rows.y, 1 + OUTLET_TOP);
        assert_eq!(l.rows.bottom() + 1, l.legend.y);
        assert_eq!(l.legend.bottom(), 29);
        // short: at most half of what is below the heads; tiny: none
        let l = outlet_layout(Rect::new(0, 0, 40, 10), Some(&table));
        assert_eq!((l.rows.height, l.legend.height), (2, 2));
        let l = outlet_layout(Rect::new(0, 0, 40, 8), Some(&table));
        assert_eq!((l.rows.height, l.legend.height), (3, 0));
        // no table: no legend
        let l = outlet_layout(main, None);
        assert_eq!(l.legend.height, 0);
    }
}
