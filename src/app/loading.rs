//! Articles arriving from the background loader.

use super::screen::Screen;
use super::{App, Progress};
use crate::loader::{LoadEvent, Phase};
use crate::store::ArticleId;

impl App {
    /// Applies one step of background loading: progress, new articles
    /// (the list and filter take them in, the selection stays), the end.
    pub(super) fn on_load(&mut self, event: LoadEvent) {
        // a filter typed in the same batch of events applies first
        self.settle();
        match event {
            LoadEvent::Planned { files, bytes, issues } => {
                self.issues.extend(issues);
                self.progress = Some(Progress {
                    phase: Phase::Reading,
                    files,
                    files_done: 0,
                    bytes,
                    bytes_done: 0,
                });
            }
            LoadEvent::Batch {
                articles,
                facts,
                issues,
                files_done,
                bytes_done,
            } => {
                self.issues.extend(issues);
                if let Some(p) = &mut self.progress {
                    p.files_done = files_done;
                    p.bytes_done = bytes_done;
                }
                if !articles.is_empty() {
                    let first = self.index.len() as ArticleId;
                    let n = articles.len() as ArticleId;
                    // content hashes, worked out by the loader (the state store's keys)
                    let hashes: Vec<_> = facts.iter().map(|f| f.hash).collect();
                    self.index.append(articles, facts);
                    self.keep_hashes(first, hashes);
                    self.load_order.extend(first..first + n);
                    let keep = self.kept();
                    self.filter.appended(&self.index, first);
                    self.reselect(keep);
                }
            }
            LoadEvent::Read { elapsed } => {
                if self.index.is_empty() {
                    // nothing at all could be read: say why on the way out
                    self.exit_code = 2;
                    self.should_quit = true;
                }
                // the user's marks on the articles read
                self.resolve_states();
                self.message = Some(format!(
                    "read {} articles in {:.1} s",
                    self.index.len(),
                    elapsed.as_secs_f64()
                ));
            }
            LoadEvent::Phase { phase, total } => {
                self.progress = Some(Progress {
                    phase,
                    files: total,
                    files_done: 0,
                    bytes: 0,
                    bytes_done: 0,
                });
            }
            LoadEvent::Analysed { from, facts } => {
                let n = facts.len();
                for (k, f) in facts.into_iter().enumerate() {
                    if let Some(&id) = self.load_order.get(from + k) {
                        self.index.set_facts(id, f);
                    }
                }
                if let Some(p) = &mut self.progress {
                    p.files_done = (from + n).min(p.files);
                }
            }
            LoadEvent::Mined {
                mut mined,
                sampled,
                finder,
            } => {
                for m in &mut mined {
                    for d in &mut m.docs {
                        *d = self.load_order.get(*d as usize).copied().unwrap_or(*d);
                    }
                }
                // (load positions map to ids in increasing order: the
                // article lists stay sorted)
                debug_assert!(self.load_order.is_sorted());
                self.index.set_mined_with(mined, finder);
                self.index.set_mined_sampled(sampled);
                self.refresh_panes();
            }
            LoadEvent::Dated { order } => {
                // ids are load positions: the same as article ids unless
                // files changed meanwhile, when the order is made later
                // instead (an order not covering every article is refused)
                if !self.changed_while_loading {
                    self.index.set_date_order(order);
                }
            }
            LoadEvent::Done { elapsed } => {
                self.progress = None;
                self.refresh_panes();
                self.load_order = Vec::new();
                self.changed_while_loading = false;
                if self.filter.is_active() {
                    // speakers arrived: fuzzy and @ terms may match more now
                    self.filter.invalidate();
                    self.articles_changed();
                }
                self.message = Some(format!(
                    "{} articles loaded and analysed in {:.1} s",
                    self.index.len(),
                    elapsed.as_secs_f64()
                ));
            }
        }
    }

    /// Re-evaluates the filter after articles were added, keeping the
    /// selected article selected.
    pub(super) fn articles_changed(&mut self) {
        let keep = self.kept();
        self.filter.reapply(&self.index);
        self.reselect(keep);
    }
}

/// Time given to applying file changes in one event (more waits for the
/// next slice, between frames).
const CHANGES_BUDGET: std::time::Duration = std::time::Duration::from_millis(6);

/// Work the app asks the outside world to do (the event loop does it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read every file again (files not found are removed as the
    /// result is applied).
    Reload,
    /// Copy to the clipboard, or hand the terminal or an article to another
    /// program (issue 17).
    Handoff(super::Handoff),
}

impl App {
    /// Takes a settled batch of file changes (live reload or `r`): they are
    /// applied a slice at a time between events (see [`Self::tick`]); the
    /// store, the filter and the view follow; selection, filter and scroll stay.
    pub(super) fn on_changes(&mut self, mut changes: crate::watch::Changes) {
        self.settle();
        // the issues of the files read again (or gone) are theirs now
        changes.forget_issues(&mut self.issues);
        changes.let_go_of_paths();
        self.issues.extend(changes.issues);
        if changes.full {
            self.index.queue_full_reload(changes.loaded);
        } else {
            self.index.queue_changes(changes.loaded, changes.removed);
        }
        self.step_changes(std::time::Instant::now() + CHANGES_BUDGET);
    }

    /// Applies queued changes until `deadline`; the view follows each batch
    /// once it is all applied.
    fn step_changes(&mut self, deadline: std::time::Instant) {
        while let Some(summary) = self.index.apply_queued(Some(deadline)) {
            self.changes_applied(summary);
            if std::time::Instant::now() >= deadline {
                break;
            }
        }
    }

    fn changes_applied(&mut self, summary: crate::store::ChangeSummary) {
        self.changed_while_loading |= self.progress.is_some() && !summary.is_empty();
        if summary.is_empty() {
            self.message = Some("reloaded: nothing changed".into());
            return;
        }
        self.filter.invalidate();
        // new text, new hashes: the user's marks are found again
        self.forget_hashes(summary.updated.iter().chain(&summary.added).copied());
        self.resolve_states();
        if self
            .reader
            .article
            .is_some_and(|id| summary.updated.contains(&id))
        {
            // same article, new text: wrap it again, keep the scroll position
            self.reader.lines.clear();
        }
        self.articles_changed();
        self.message = Some(format!(
            "reloaded: {} new, {} changed, {} removed",
            summary.added.len(),
            summary.updated.len(),
            summary.removed.len()
        ));
    }

    /// Asks for a full reload (the `r` key).
    pub fn request_reload(&mut self) {
        if self.index.corpus().files().next().is_none() {
            self.message = Some("the bundled articles do not change; nothing to reload".into());
            return;
        }
        self.message = Some("reloading…".into());
        self.effects.push(Effect::Reload);
    }
}

impl App {
    /// Work that continues between events (a big corpus's filter, the
    /// search of a concordance on screen).
    pub fn busy(&self) -> bool {
        self.filter_pending
            || self.filter.progress().is_some()
            || self.narrowing()
            || self.index.changes_queued()
            || self.stories_busy()
    }

    /// Whether the pane shown has work between frames.
    fn narrowing(&self) -> bool {
        self.screen().pane().is_some_and(|p| p.busy())
    }

    /// The panes follow the analysis (more articles analysed, phrases mined).
    pub(super) fn refresh_panes(&mut self) {
        let (env, screens) = self.screens_mut();
        for pane in screens.iter_mut().filter_map(Screen::pane_mut) {
            pane.refresh(&env);
        }
    }

    /// Does some of that work within `budget`; true when there was some.
    pub fn tick(&mut self, budget: std::time::Duration) -> bool {
        if !self.busy() {
            return false;
        }
        // either moves on (the progress shown changes): always redraw
        let started = std::time::Instant::now();
        self.settle();
        if self.index.changes_queued() {
            self.step_changes(started + budget / 2);
        }
        if self.narrowing() {
            let (env, screens) = self.screens_mut();
            if let Some(pane) = screens.last_mut().and_then(Screen::pane_mut) {
                pane.tick(&env, started + budget);
            }
        }
        let left = budget.saturating_sub(started.elapsed());
        if self.filter.progress().is_some() && !left.is_zero() {
            let keep = self.kept();
            if self.filter.step(&self.index, left) {
                self.list.offset = 0;
                self.reselect(keep);
            }
        }
        if self.stories_busy() {
            self.tick_stories(started + budget);
        }
        true
    }
}
