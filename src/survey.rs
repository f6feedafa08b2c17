//! Surveys of the corpus by outlet and period: which outlets use which
//! formula ([`outlets`]), what a set of articles says more or less often
//! than the rest ([`keyness`]), and how often, when and where a query's
//! articles appear ([`timeline`]). Pure functions over the [`Index`](crate::index::Index);
//! the TUI and the headless commands share them.

pub mod keyness;
pub mod outlets;
pub mod terms;
pub mod timeline;

pub use keyness::{KeyTerm, Keyness, KeynessOptions, Reference, TermKind, keyness};
pub use outlets::{Column, OutletOptions, OutletRow, OutletTable, outlet_table};
pub use terms::Terms;
pub use timeline::{Series, Step, Timeline, TimelineOptions, timeline};

/// The row name of articles whose outlet is unknown.
pub const UNKNOWN_OUTLET: &str = "(unknown)";
