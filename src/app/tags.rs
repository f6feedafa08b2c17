//! The tags pane: the tags the articles carry, with counts, the starred,
//! unread and annotated articles, and the saved queries; Enter filters the
//! article list to the row's query (`tag:NAME`, `is:starred`, a saved query).

use super::annotations::Annotations;
use super::screen::{Env, Outcome, Pane};
use super::{Action, Context, Cursor, Keys};

/// What a row of the pane is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagRowKind {
    Tag,
    /// Starred, unread, with a note.
    Mark,
    Saved,
}

/// One row: what it shows and the query Enter applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRow {
    pub kind: TagRowKind,
    pub label: String,
    /// How many loaded articles it finds (none for saved queries).
    pub count: Option<usize>,
    pub query: String,
}

/// State of the tags pane.
#[derive(Debug, Clone, Default)]
pub struct TagsState {
    pub rows: Vec<TagRow>,
    pub cursor: Cursor,
}

impl TagsState {
    /// The rows for the app's state as it is now.
    pub fn new(a: &Annotations, articles: usize) -> TagsState {
        let mut rows: Vec<TagRow> = a
            .states
            .tag_counts()
            .into_iter()
            .map(|(tag, n)| TagRow {
                kind: TagRowKind::Tag,
                query: format!("tag:{tag}"),
                label: tag,
                count: Some(n),
            })
            .collect();
        let (starred, read, noted) = a.states.counts();
        for (label, count, query) in [
            ("starred", starred, "is:starred"),
            ("unread", articles.saturating_sub(read), "is:unread"),
            ("with a note", noted, "has:note"),
        ] {
            rows.push(TagRow {
                kind: TagRowKind::Mark,
                label: label.into(),
                count: Some(count),
                query: query.into(),
            });
        }
        rows.extend(a.saved.iter().map(|(name, query)| TagRow {
            kind: TagRowKind::Saved,
            label: name.clone(),
            count: None,
            query: query.clone(),
        }));
        TagsState {
            rows,
            cursor: Cursor::default(),
        }
    }

    /// Rows visible in the list.
    pub fn height(env: &Env) -> usize {
        usize::from(super::layout::list_rows(env.main_area()).height).max(1)
    }
}

impl Pane for TagsState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Tags])
    }

    fn context(&self) -> Context {
        Context::Tags
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        if self.cursor.navigate(action, self.rows.len(), Self::height(env)) {
            return Outcome::Handled;
        }
        match action {
            Action::Open => match self.rows.get(self.cursor.selected) {
                Some(row) => Outcome::Filter(row.query.clone()),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    fn resized(&mut self, env: &Env) {
        self.cursor.keep_visible(self.rows.len(), Self::height(env));
    }

    // -- taking things out (app/takeout.rs)
    fn export<'a>(&'a self, _env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{ArticleState, ArticleStates};

    #[test]
    fn rows_are_tags_then_marks_then_saved_queries() {
        let mut states = ArticleStates::default();
        states.set(
            0,
            ArticleState {
                tags: vec!["wire".into()],
                starred: true,
                read: true,
                note: None,
            },
        );
        states.set(
            2,
            ArticleState {
                tags: vec!["wire".into(), "ukraine".into()],
                ..ArticleState::default()
            },
        );
        let a = Annotations {
            states: std::sync::Arc::new(states),
            saved: vec![("mine".into(), "tag:wire is:unread".into())],
            ..Annotations::default()
        };
        let t = TagsState::new(&a, 5);
        let shown: Vec<(&str, Option<usize>, &str)> = t
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.count, r.query.as_str()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("wire", Some(2), "tag:wire"),
                ("ukraine", Some(1), "tag:ukraine"),
                ("starred", Some(1), "is:starred"),
                ("unread", Some(4), "is:unread"),
                ("with a note", Some(0), "has:note"),
                ("mine", None, "tag:wire is:unread"),
            ]
        );
    }
}
