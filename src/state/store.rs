//! The SQLite file behind [`super`]: WAL mode (readers never wait for a
//! writer), a busy timeout, and every write in an immediate transaction, so
//! two readout processes writing at once take turns instead of failing or
//! corrupting the file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};

use super::{ArticleState, ContentHash, Snapshot};

/// Points the store at another folder (tests, a portable set-up); the
/// `--data-dir` flag wins over it.
pub const DATA_DIR_ENV: &str = "READOUT_DATA_DIR";

/// The store's file name inside the data folder.
const FILE_NAME: &str = "state.sqlite3";

/// How long a write waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Query history entries kept.
const HISTORY_KEEP: i64 = 1000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS article (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    updated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS article_path ON article(path);
CREATE TABLE IF NOT EXISTS tag (
    article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article, name)
);
CREATE TABLE IF NOT EXISTS saved_query (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    created INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL,
    at INTEGER NOT NULL
);
PRAGMA user_version = 1;
";

/// Why the store cannot be used. The app and the commands report it and
/// run on without the store.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("no folder for the state store (set XDG_DATA_HOME or HOME, or use --data-dir)")]
    NoDir,
    #[error("cannot create the state folder {}: {source}", path.display())]
    Dir { path: PathBuf, source: std::io::Error },
    #[error("the state store {} is damaged ({source}); move it away to start a new one", path.display())]
    Damaged { path: PathBuf, source: rusqlite::Error },
    #[error("the state store {} is locked by another process ({source})", path.display())]
    Locked { path: PathBuf, source: rusqlite::Error },
    #[error("the state store {} cannot be written ({source})", path.display())]
    Unwritable { path: PathBuf, source: rusqlite::Error },
    #[error("the state store {}: {source}", path.display())]
    Other { path: PathBuf, source: rusqlite::Error },
    #[error("{0}")]
    Invalid(String),
}

impl StateError {
    fn of(path: &Path, e: rusqlite::Error) -> StateError {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StateError::Damaged { path, source: e }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StateError::Locked { path, source: e }
            }
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StateError::Unwritable { path, source: e }
            }
            _ => StateError::Other { path, source: e },
        }
    }
}

/// The data folder: `flag` (`--data-dir`), else `$READOUT_DATA_DIR`, else
/// `$XDG_DATA_HOME/readout`, else `~/.local/share/readout`.
pub fn default_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(f) = flag {
        return Some(f.to_path_buf());
    }
    let env = |k: &str| {
        std::env::var_os(k)
            .map(PathBuf::from)
            .filter(|p| !p.as_os_str().is_empty())
    };
    if let Some(d) = env(DATA_DIR_ENV) {
        return Some(d);
    }
    let abs = |p: PathBuf| p.is_absolute().then_some(p);
    env("XDG_DATA_HOME")
        .and_then(abs)
        .or_else(|| env("HOME").and_then(abs).map(|h| h.join(".local").join("share")))
        .map(|d| d.join("readout"))
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// The store's file in a data folder.
    pub fn file_in(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Opens the store in `dir`, creating the folder and the file if need be.
    pub fn open(dir: &Path) -> Result<Store, StateError> {
        std::fs::create_dir_all(dir).map_err(|source| StateError::Dir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = Store::file_in(dir);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| StateError::of(&path, e))?;
        Store::prepare(conn, path, true)
    }

    /// Opens the store in `dir` if it exists (None: nothing stored yet).
    /// For commands that only read: nothing is created.
    pub fn open_existing(dir: &Path) -> Result<Option<Store>, StateError> {
        let path = Store::file_in(dir);
        if !path.exists() {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| StateError::of(&path, e))?;
        Store::prepare(conn, path, false).map(Some)
    }

    fn prepare(conn: Connection, path: PathBuf, create: bool) -> Result<Store, StateError> {
        let err = |e| StateError::of(&path, e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // the first statement reads the header: a file that is not a
        // database fails here
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") && create {
            return Err(StateError::Invalid(format!(
                "the state store {} cannot use write-ahead logging (journal mode {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "foreign_keys", true).map_err(err)?;
        // with WAL, NORMAL never corrupts the file; a power cut may lose
        // the last change
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(err)?;
        let mut store = Store { conn, path };
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StateError::of(&store.path, e))?;
        if version == 0 {
            store.write(|tx| tx.execute_batch(SCHEMA))?;
        } else if version > 1 {
            return Err(StateError::Invalid(format!(
                "the state store {} was written by a newer readout (schema {version})",
                store.path.display()
            )));
        }
        // a damaged file can still pass the above: touch every table once
        store.snapshot()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long a write waits for another process's write (the app waits
    /// less than the commands: its writes are on the UI thread).
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<(), StateError> {
        self.conn
            .busy_timeout(wait)
            .map_err(|e| StateError::of(&self.path, e))
    }

    /// Runs `f` in an immediate transaction (the write lock taken at once,
    /// waiting up to the busy timeout for another writer).
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction) -> rusqlite::Result<T>,
    ) -> Result<T, StateError> {
        let path = self.path.clone();
        let err = |e| StateError::of(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let out = f(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(out)
    }

    /// Everything stored about articles.
    pub fn snapshot(&self) -> Result<Snapshot, StateError> {
        let err = |e| StateError::of(&self.path, e);
        let mut tags: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article, name FROM tag ORDER BY name COLLATE NOCASE")
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(err)?;
        for row in rows {
            let (id, name) = row.map_err(err)?;
            tags.entry(id).or_default().push(name);
        }
        let mut snapshot = Snapshot::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, hash, path, read, starred, note FROM article ORDER BY id")
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(err)?;
        for row in rows {
            let (id, hash, path, read, starred, note) = row.map_err(err)?;
            snapshot.push(
                ContentHash::parse(&hash),
                path,
                ArticleState {
                    read,
                    starred,
                    tags: tags.remove(&id).unwrap_or_default(),
                    note,
                },
            );
        }
        // the other tables too: a damaged page there is found now
        for table in ["saved_query", "history"] {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map_err(err)?;
        }
        Ok(snapshot)
    }

    /// One article's state (the default when the store does not know it).
    pub fn get(&self, hash: ContentHash, path: &str) -> Result<ArticleState, StateError> {
        let snapshot = self.snapshot()?;
        let states = snapshot.resolve(&[(hash, path.to_string())]);
        Ok(states.get(0).cloned().unwrap_or_default())
    }

    /// Adds tags to an article; returns its state after.
    pub fn add_tags(
        &mut self,
        hash: ContentHash,
        path: &str,
        tags: &[String],
    ) -> Result<ArticleState, StateError> {
        for t in tags {
            super::check_tag(t).map_err(StateError::Invalid)?;
        }
        self.write(|tx| {
            let id = row_for(tx, hash, path)?;
            for t in tags {
                tx.execute(
                    "INSERT OR IGNORE INTO tag (article, name) VALUES (?1, ?2)",
                    params![id, t],
                )?;
            }
            Ok(())
        })?;
        self.get(hash, path)
    }

    /// Removes tags from an article (any case); returns its state after.
    pub fn remove_tags(
        &mut self,
        hash: ContentHash,
        path: &str,
        tags: &[String],
    ) -> Result<ArticleState, StateError> {
        self.write(|tx| {
            let id = row_for(tx, hash, path)?;
            for t in tags {
                tx.execute("DELETE FROM tag WHERE article = ?1 AND name = ?2", params![id, t])?;
            }
            Ok(())
        })?;
        self.get(hash, path)
    }

    /// Sets (or, with None or blank text, removes) an article's note.
    pub fn set_note(
        &mut self,
        hash: ContentHash,
        path: &str,
        note: Option<&str>,
    ) -> Result<ArticleState, StateError> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.write(|tx| {
            let id = row_for(tx, hash, path)?;
            tx.execute("UPDATE article SET note = ?2 WHERE id = ?1", params![id, note])?;
            Ok(())
        })?;
        self.get(hash, path)
    }

    pub fn set_starred(&mut self, hash: ContentHash, path: &str, starred: bool) -> Result<(), StateError> {
        self.write(|tx| {
            let id = row_for(tx, hash, path)?;
            tx.execute(
                "UPDATE article SET starred = ?2 WHERE id = ?1",
                params![id, starred],
            )?;
            Ok(())
        })
    }

    pub fn set_read(&mut self, hash: ContentHash, path: &str, read: bool) -> Result<(), StateError> {
        self.write(|tx| {
            let id = row_for(tx, hash, path)?;
            tx.execute("UPDATE article SET read = ?2 WHERE id = ?1", params![id, read])?;
            Ok(())
        })
    }

    /// Adds a query to the history (not twice in a row; the oldest beyond
    /// the last 1,000 are dropped).
    pub fn record_query(&mut self, query: &str) -> Result<(), StateError> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let last: Option<String> = tx
                .query_row("SELECT query FROM history ORDER BY id DESC LIMIT 1", [], |r| {
                    r.get(0)
                })
                .optional()?;
            if last.as_deref() != Some(query) {
                tx.execute(
                    "INSERT INTO history (query, at) VALUES (?1, ?2)",
                    params![query, now()],
                )?;
                tx.execute(
                    "DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?1",
                    params![HISTORY_KEEP],
                )?;
            }
            Ok(())
        })
    }

    /// The history, newest first, each query once (Up/Down in the filter line).
    pub fn history(&self, limit: usize) -> Result<Vec<String>, StateError> {
        self.history_matching("", limit)
    }

    /// History entries containing `needle` (any case), newest first, each
    /// once (Ctrl-R).
    pub fn history_matching(&self, needle: &str, limit: usize) -> Result<Vec<String>, StateError> {
        let err = |e| StateError::of(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT query FROM history WHERE instr(lower(query), lower(?1)) > 0
                 GROUP BY query ORDER BY max(id) DESC LIMIT ?2",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map(params![needle, limit as i64], |r| r.get::<_, String>(0))
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Saves a query under a name (replacing one of that name).
    pub fn save_query(&mut self, name: &str, query: &str) -> Result<(), StateError> {
        if name.trim().is_empty() {
            return Err(StateError::Invalid("a saved query needs a name".into()));
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO saved_query (name, query, created) VALUES (?1, ?2, ?3)
                 ON CONFLICT(name) DO UPDATE SET query = excluded.query",
                params![name.trim(), query, now()],
            )?;
            Ok(())
        })
    }

    /// Removes a saved query; false when there was none of that name.
    pub fn delete_saved_query(&mut self, name: &str) -> Result<bool, StateError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM saved_query WHERE name = ?1", params![name.trim()])? > 0))
    }

    /// The saved queries (name, query), by name.
    pub fn saved_queries(&self) -> Result<Vec<(String, String)>, StateError> {
        let err = |e| StateError::of(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, query FROM saved_query ORDER BY name")
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }
}

/// The row of the article with this hash, else of the article last seen at
/// this path (its text changed: the row takes the new hash), else a new
/// row. The path hint is brought up to date.
fn row_for(tx: &rusqlite::Transaction, hash: ContentHash, path: &str) -> rusqlite::Result<i64> {
    let hex = hash.to_string();
    if let Some(id) = tx
        .query_row("SELECT id FROM article WHERE hash = ?1", params![hex], |r| {
            r.get::<_, i64>(0)
        })
        .optional()?
    {
        tx.execute(
            "UPDATE article SET path = ?2, updated = ?3 WHERE id = ?1",
            params![id, path, now()],
        )?;
        return Ok(id);
    }
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM article WHERE path = ?1 ORDER BY updated DESC LIMIT 1",
            params![path],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
    {
        tx.execute(
            "UPDATE article SET hash = ?2, updated = ?3 WHERE id = ?1",
            params![id, hex, now()],
        )?;
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO article (hash, path, updated) VALUES (?1, ?2, ?3)",
        params![hex, path, now()],
    )?;
    Ok(tx.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tags_notes_stars_and_read_last() {
        let dir = tempfile::tempdir().unwrap();
        let h = ContentHash::of("an article");
        {
            let mut s = Store::open(dir.path()).unwrap();
            let st = s
                .add_tags(h, "/a.txt", &tags(&["wire", "Ukraine", "wire"]))
                .unwrap();
            assert_eq!(st.tags, tags(&["Ukraine", "wire"]));
            s.set_note(h, "/a.txt", Some("  check the date  ")).unwrap();
            s.set_starred(h, "/a.txt", true).unwrap();
            s.set_read(h, "/a.txt", true).unwrap();
            // the same tag in another case is the same tag
            let st = s.add_tags(h, "/a.txt", &tags(&["ukraine"])).unwrap();
            assert_eq!(st.tags.len(), 2);
        }
        let s = Store::open_existing(dir.path()).unwrap().unwrap();
        let st = s.get(h, "/a.txt").unwrap();
        assert_eq!(
            st,
            ArticleState {
                read: true,
                starred: true,
                tags: tags(&["Ukraine", "wire"]),
                note: Some("check the date".into()),
            }
        );
    }

    #[test]
    fn untag_and_clear_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let h = ContentHash::of("x");
        s.add_tags(h, "/x", &tags(&["a", "b"])).unwrap();
        s.set_note(h, "/x", Some("n")).unwrap();
        let st = s.remove_tags(h, "/x", &tags(&["A", "zzz"])).unwrap();
        assert_eq!(st.tags, tags(&["b"]));
        let st = s.set_note(h, "/x", Some("   ")).unwrap();
        assert_eq!(st.note, None);
    }

    #[test]
    fn a_moved_file_keeps_its_tags_and_an_edited_one_too() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let h = ContentHash::of("text");
        s.add_tags(h, "/old/a.txt", &tags(&["kept"])).unwrap();
        assert_eq!(s.get(h, "/new/b.txt").unwrap().tags, tags(&["kept"]));
        // the file edited at its new path: found by the path, the hash follows
        s.add_tags(h, "/new/b.txt", &tags(&["moved"])).unwrap();
        let edited = ContentHash::of("text, edited");
        assert_eq!(
            s.get(edited, "/new/b.txt").unwrap().tags,
            tags(&["kept", "moved"])
        );
        s.add_tags(edited, "/new/b.txt", &tags(&["edited"])).unwrap();
        assert_eq!(s.snapshot().unwrap().len(), 1);
        assert_eq!(s.get(edited, "/elsewhere").unwrap().tags.len(), 3);
    }

    #[test]
    fn history_and_saved_queries() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        for q in [
            "wang",
            "\"rock solid\"",
            "\"rock solid\"",
            "@lavrov",
            "wang",
            "  ",
        ] {
            s.record_query(q).unwrap();
        }
        assert_eq!(
            s.history(10).unwrap(),
            tags(&["wang", "@lavrov", "\"rock solid\""])
        );
        assert_eq!(s.history(1).unwrap(), tags(&["wang"]));
        assert_eq!(s.history_matching("ROCK", 10).unwrap(), tags(&["\"rock solid\""]));
        s.save_query("wire", "tag:wire !scmp").unwrap();
        s.save_query("wire", "tag:wire").unwrap();
        s.save_query("a", "x").unwrap();
        assert_eq!(
            s.saved_queries().unwrap(),
            vec![("a".into(), "x".into()), ("wire".into(), "tag:wire".into())]
        );
        assert!(s.delete_saved_query("a").unwrap());
        assert!(!s.delete_saved_query("a").unwrap());
        assert!(s.save_query(" ", "x").is_err());
    }

    #[test]
    fn history_keeps_the_last_thousand() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        for i in 0..1005 {
            s.record_query(&format!("q{i}")).unwrap();
        }
        let all = s.history(5000).unwrap();
        assert_eq!(all.len(), 1000);
        assert_eq!(all[0], "q1004");
        assert_eq!(all[999], "q5");
    }

    #[test]
    fn nothing_is_created_by_a_reader() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("readout");
        assert!(Store::open_existing(&sub).unwrap().is_none());
        assert!(!sub.exists());
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_as_damaged() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            Store::file_in(dir.path()),
            "this is not a database, just text\n".repeat(200),
        )
        .unwrap();
        let e = Store::open(dir.path()).unwrap_err();
        assert!(matches!(e, StateError::Damaged { .. }), "{e:?}");
        assert!(e.to_string().contains("is damaged"), "{e}");
        let e = Store::open_existing(dir.path()).unwrap_err();
        assert!(matches!(e, StateError::Damaged { .. }), "{e:?}");
    }

    #[test]
    fn a_truncated_database_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut s = Store::open(dir.path()).unwrap();
            for i in 0..300 {
                s.add_tags(ContentHash::of(&format!("{i}")), &format!("/{i}"), &tags(&["t"]))
                    .unwrap();
            }
        }
        // a checkpointed file, then cut short and overwritten in the middle
        let file = Store::file_in(dir.path());
        let mut bytes = std::fs::read(&file).unwrap();
        assert!(bytes.len() > 8192, "{}", bytes.len());
        for b in &mut bytes[4096..8192] {
            *b = 0xAB;
        }
        std::fs::write(&file, &bytes).unwrap();
        let r = Store::open(dir.path()).and_then(|s| s.snapshot());
        assert!(r.is_err(), "a damaged page must be noticed");
    }

    #[test]
    fn an_unwritable_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        // a file where the folder should be: never creatable, even as root
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, "x").unwrap();
        let e = Store::open(&blocker.join("readout")).unwrap_err();
        assert!(matches!(e, StateError::Dir { .. }), "{e:?}");
        assert!(e.to_string().contains("cannot create the state folder"), "{e}");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let c = Connection::open(Store::file_in(dir.path())).unwrap();
        c.pragma_update(None, "user_version", 7).unwrap();
        drop(c);
        let e = Store::open(dir.path()).unwrap_err();
        assert!(e.to_string().contains("newer readout"), "{e}");
    }

    #[test]
    fn two_writers_at_once_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        let writers: Vec<_> = (0..2)
            .map(|w| {
                let path = path.clone();
                std::thread::spawn(move || {
                    // each its own connection, as two processes would have
                    let mut s = Store::open(&path).unwrap();
                    for i in 0..100 {
                        let h = ContentHash::of(&format!("article {}", i % 10));
                        s.add_tags(h, &format!("/{}", i % 10), &[format!("w{w}-{i}")])
                            .unwrap();
                        s.record_query(&format!("w{w} q{i}")).unwrap();
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let s = Store::open(&path).unwrap();
        let snap = s.snapshot().unwrap();
        assert_eq!(snap.len(), 10);
        let total: usize = snap.tags().iter().map(|(_, n)| n).sum();
        assert_eq!(total, 200);
        assert_eq!(s.history(1000).unwrap().len(), 200);
        let ok: String = s
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }

    #[test]
    fn the_data_folder() {
        assert_eq!(default_dir(Some(Path::new("/x"))), Some(PathBuf::from("/x")));
    }
}
