//! Markdown shown as it reads: the reader hides the markup and styles what
//! it marks, while the article's text stays the Markdown source, so that
//! searches, quotes and every byte offset still refer to it.
