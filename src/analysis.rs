//! Text analysis over article bodies. Nothing here knows about the terminal:
//! every function takes text and returns byte ranges into it.

pub mod content;
pub mod phrases;
pub mod reuse;
pub mod sides;
pub mod speakers;
pub mod stories;
pub mod text;
