//! Articles arriving from the background loader.

use super::{App, Progress};
use crate::loader::{LoadEvent, Phase};

impl App {
    /// Applies one step of background loading: progress, new articles
    /// (the list and filter take them in, the selection stays), the end.
    pub fn on_load(&mut self, event: LoadEvent) {
        match event {
            LoadEvent::Planned {
                files,
                bytes,
                issues,
            } => {
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
                    self.index.append(articles);
                    self.articles_changed();
                }
            }
            LoadEvent::Read { .. } => {
                self.progress = None;
                if self.index.is_empty() {
                    // nothing at all could be read: say why on the way out
                    self.exit_code = 2;
                    self.should_quit = true;
                }
            }
        }
    }

    /// Re-evaluates the filter after articles were added, keeping the
    /// selected article selected.
    pub fn articles_changed(&mut self) {
        let keep = self.selected_article().map(|a| a.id);
        let was_empty = self.reader.article.is_none();
        self.filter.reapply(&self.index);
        let row = keep
            .and_then(|id| self.filter.hits.iter().position(|h| h.id == id))
            .unwrap_or(0);
        self.selected = row;
        self.select(row as isize);
        if was_empty {
            self.sync_reader();
        }
    }
}
