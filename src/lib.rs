//! readout: a terminal reader for comparing news articles.
//!
//! The crate is split so that the domain knows nothing of the terminal:
//! [`store`] holds articles, [`analysis`] finds phrases, speakers and shared
//! passages, [`query`] is the filter language; [`app`] turns keys into actions
//! and actions into state, [`ui`] draws that state, [`tui`] owns the terminal
//! and [`cli`] the command line and the headless subcommands.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod concordance;
pub mod config;
pub mod export;
pub mod facts;
pub mod handoff;
pub mod index;
pub mod loader;
pub mod query;
pub mod signals;
pub mod state;
pub mod store;
pub mod stories;
pub mod survey;
pub mod tui;
pub mod ui;
pub mod watch;

/// The synthetic corpus generator, for unit tests only (see benches/support).
#[cfg(test)]
#[path = "../benches/support/synth.rs"]
mod synth;
