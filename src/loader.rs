//! Loading in the background: discover the files, read them on all cores in
//! batches, report progress, and let the caller cancel. The TUI shows the
//! batches as they arrive; headless commands wait for the end. No UI code.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analysis::phrases::{self, Doc, MineOptions, MinedPhrase, PhraseFinder};
use crate::facts::{Analyzer, Facts};
use crate::store::{self, Article, DateOrder, Issue};

/// Files read per batch: small enough for the list to fill steadily, large
/// enough to keep both cores busy.
const BATCH_FILES: usize = 512;

/// What the loader is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Discovering,
    Reading,
    Indexing,
    MiningPhrases,
    ExtractingSpeakers,
    Done,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Discovering => "finding files",
            Phase::Reading => "reading",
            Phase::Indexing => "indexing",
            Phase::MiningPhrases => "mining phrases",
            Phase::ExtractingSpeakers => "extracting speakers",
            Phase::Done => "done",
        }
    }
}

/// Progress and results, in order.
#[derive(Debug)]
pub enum LoadEvent {
    /// Discovery finished: this many files and bytes to read.
    Planned {
        files: usize,
        bytes: u64,
        issues: Vec<Issue>,
    },
    /// A batch of articles read (with problems met), and the totals so far.
    Batch {
        articles: Vec<Article>,
        /// The analysis of each article, in the same order (empty parts
        /// when the analysis comes in a later phase).
        facts: Vec<Facts>,
        issues: Vec<Issue>,
        files_done: usize,
        bytes_done: u64,
    },
    /// Every file was read.
    Read { elapsed: Duration },
    /// A later phase started, over this many articles.
    Phase { phase: Phase, total: usize },
    /// Facts for the articles loaded `from` onwards (in load order: the
    /// n-th article of all the batches), computed in a later phase.
    Analysed { from: usize, facts: Vec<Facts> },
    /// The recurring phrases mined from every article (or a sample of a big
    /// corpus); their `docs` are positions in load order, like `Analysed::from`.
    /// `finder` finds them in a text (compiled here, off the UI thread).
    Mined {
        mined: Vec<MinedPhrase>,
        sampled: bool,
        finder: Option<Arc<PhraseFinder>>,
    },
    /// The articles in date order (ids are positions in load order, like
    /// `Analysed::from`), made off the UI thread.
    Dated { order: DateOrder },
    /// Everything is done.
    Done { elapsed: Duration },
}

/// Cancels a running load when set (the user quit).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// How to analyse while loading.
#[derive(Clone)]
pub struct Plan {
    pub analyzer: Analyzer,
    /// Analyse in phases after every file is read (the TUI: the list fills
    /// first), rather than batch by batch (headless).
    pub staged: bool,
    /// Drop text files whose raw text fails this test (a headless query's
    /// required phrase), before any other work.
    pub keep: Option<Arc<store::Keep>>,
    /// Mine recurring phrases once everything is read (staged loads).
    pub mine: Option<MineOptions>,
    /// Drop each article's text once its facts are computed (headless loads
    /// that print no text): nothing read stays in memory but what is shown.
    pub drop_text: bool,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan")
            .field("analyzer", &self.analyzer)
            .field("staged", &self.staged)
            .field("keep", &self.keep.is_some())
            .field("mine", &self.mine)
            .field("drop_text", &self.drop_text)
            .finish()
    }
}

/// Articles analysed per `Analysed` event in a staged load.
const ANALYSE_CHUNK: usize = 512;

/// In a staged load, a text longer than this has its phrase families
/// counted after all is read, not before its first screen (counting 60 MB
/// takes half a second).
const FAMILIES_LATER: usize = 4 << 20;

/// Reads `paths` (or the bundled articles when empty), calling `emit` with
/// each step. Returns early, quietly, when cancelled.
pub fn load(paths: &[PathBuf], plan: Plan, cancel: &Cancel, mut emit: impl FnMut(LoadEvent)) {
    let started = Instant::now();
    let now = if plan.staged {
        plan.analyzer.clone().only(false, false)
    } else {
        plan.analyzer.clone()
    };
    let long_now = now.clone().with_families(false);
    let mut bodies: Vec<Arc<str>> = Vec::new();
    let mut sources: Vec<Option<String>> = Vec::new();
    let mut dates: Vec<Option<store::Date>> = Vec::new();
    if paths.is_empty() {
        let articles = store::bundled_articles();
        let facts = now.facts_all(&articles);
        let bytes: u64 = store::BUNDLED.iter().map(|(_, t)| t.len() as u64).sum();
        bodies.extend(articles.iter().map(|a| a.body.clone()));
        sources.extend(articles.iter().map(|a| a.meta.source.clone()));
        dates.extend(articles.iter().map(|a| a.date));
        emit(LoadEvent::Planned {
            files: articles.len(),
            bytes,
            issues: Vec::new(),
        });
        let n = articles.len();
        emit(LoadEvent::Batch {
            articles,
            facts,
            issues: Vec::new(),
            files_done: n,
            bytes_done: bytes,
        });
    } else {
        // headless loads need no sizes (no progress in bytes): skip a stat per file
        store::sidecar::forget();
        let (files, issues) = store::discover_with(paths, plan.staged);
        let total_bytes = files.iter().map(|(_, b)| b).sum();
        emit(LoadEvent::Planned {
            files: files.len(),
            bytes: total_bytes,
            issues,
        });
        let mut files_done = 0;
        let mut bytes_done = 0;
        // headless: big chunks, so both cores stay busy with few barriers
        let batch = if plan.staged { BATCH_FILES } else { 4096 };
        for chunk in files.chunks(batch) {
            if cancel.is_cancelled() {
                return;
            }
            let loaded: Vec<(store::Loaded, Vec<Facts>)> = chunk
                .par_iter()
                .map(|(p, size)| {
                    let mut l = store::read_source_filtered(p, *size, plan.keep.as_deref());
                    let f = l
                        .articles
                        .iter()
                        .map(|a| match plan.staged && a.body.len() > FAMILIES_LATER {
                            true => long_now.facts(a),
                            false => now.facts(a),
                        })
                        .collect();
                    if plan.drop_text && !plan.staged {
                        // freed here, so the next article reuses the memory
                        for a in &mut l.articles {
                            a.body = Arc::default();
                        }
                    }
                    (l, f)
                })
                .collect();
            // room for an article a file (more for JSON Lines): pages never
            // written to cost nothing, regrowing costs copies
            let mut articles = Vec::with_capacity(chunk.len());
            let mut facts = Vec::with_capacity(chunk.len());
            let mut issues = Vec::new();
            for (l, f) in loaded {
                bytes_done += l.bytes;
                articles.extend(l.articles);
                facts.extend(f);
                issues.extend(l.issues);
            }
            if plan.staged {
                bodies.extend(articles.iter().map(|a| a.body.clone()));
                sources.extend(articles.iter().map(|a| a.meta.source.clone()));
                dates.extend(articles.iter().map(|a| a.date));
            }
            files_done += chunk.len();
            emit(LoadEvent::Batch {
                articles,
                facts,
                issues,
                files_done,
                bytes_done,
            });
        }
    }
    emit(LoadEvent::Read {
        elapsed: started.elapsed(),
    });
    if plan.staged {
        // the dates are not kept through the phases (mining is the peak)
        let order = DateOrder::of(&dates);
        drop(std::mem::take(&mut dates));
        emit(LoadEvent::Dated { order });
        // the families of the long texts, left out of the first batches
        if now.families {
            let families = plan.analyzer.clone().only(false, false).with_hashes(false);
            for (i, body) in bodies.iter().enumerate() {
                if body.len() > FAMILIES_LATER {
                    if cancel.is_cancelled() {
                        return;
                    }
                    emit(LoadEvent::Analysed {
                        from: i,
                        facts: vec![families.facts_of(body)],
                    });
                }
            }
        }
        let phases = [
            (
                Phase::Indexing,
                plan.analyzer.sketches,
                plan.analyzer.clone().only(true, false).with_families(false),
            ),
            (
                Phase::ExtractingSpeakers,
                plan.analyzer.quotes,
                plan.analyzer.clone().only(false, true).with_families(false),
            ),
        ];
        for (phase, wanted, analyzer) in phases {
            if !wanted {
                continue;
            }
            emit(LoadEvent::Phase {
                phase,
                total: bodies.len(),
            });
            for (c, chunk) in bodies.chunks(ANALYSE_CHUNK).enumerate() {
                if cancel.is_cancelled() {
                    return;
                }
                let facts = chunk.par_iter().map(|b| analyzer.facts_of(b)).collect();
                emit(LoadEvent::Analysed {
                    from: c * ANALYSE_CHUNK,
                    facts,
                });
            }
        }
        if let Some(opts) = &plan.mine {
            emit(LoadEvent::Phase {
                phase: Phase::MiningPhrases,
                total: bodies.len(),
            });
            let docs: Vec<Doc> = bodies
                .iter()
                .zip(&sources)
                .map(|(b, s)| Doc {
                    text: b,
                    source: s.as_deref(),
                })
                .collect();
            if cancel.is_cancelled() {
                return;
            }
            let (mined, sampled) = phrases::mine_sampled(&docs, opts);
            let finder = PhraseFinder::for_mined(&mined);
            emit(LoadEvent::Mined {
                mined,
                sampled,
                finder,
            });
        }
    }
    emit(LoadEvent::Done {
        elapsed: started.elapsed(),
    });
}

/// Makes the calling thread yield to the others: loading uses both cores,
/// and a key pressed meanwhile is handled and drawn at once all the same.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only changes a scheduling attribute; on Linux,
    // PRIO_PROCESS with 0 means the calling thread alone.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Runs [`load`] on a thread of its own.
pub fn spawn(
    paths: Vec<PathBuf>,
    plan: Plan,
    cancel: Cancel,
    emit: impl FnMut(LoadEvent) + Send + 'static,
) -> std::thread::JoinHandle<()> {
    std::thread::Builder::new()
        .name("readout-loader".into())
        .spawn(move || {
            // a pool of its own, so the UI's own parallel work (filtering)
            // never queues behind loading jobs in the global pool
            let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
            lower_priority();
            match rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("readout-load-{i}"))
                .start_handler(|_| lower_priority())
                .build()
            {
                Ok(pool) => pool.install(|| load(&paths, plan, &cancel, emit)),
                Err(_) => load(&paths, plan, &cancel, emit),
            }
        })
        .expect("the loader thread starts")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: fn() -> Plan = || Plan {
        analyzer: Analyzer::none(),
        staged: false,
        keep: None,
        mine: None,
        drop_text: false,
    };

    fn collect(paths: &[PathBuf], cancel: &Cancel) -> Vec<LoadEvent> {
        let mut out = Vec::new();
        load(paths, PLAN(), cancel, |e| out.push(e));
        out
    }

    #[test]
    fn bundled_when_no_paths() {
        let ev = collect(&[], &Cancel::default());
        assert!(matches!(ev[0], LoadEvent::Planned { files: 5, .. }));
        assert!(matches!(&ev[1], LoadEvent::Batch { articles, .. } if articles.len() == 5));
        assert!(matches!(ev[2], LoadEvent::Read { .. }));
        assert!(matches!(ev[3], LoadEvent::Done { .. }));
    }

    #[test]
    fn dropping_text_keeps_what_was_analysed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Ties\n\nRelations are rock solid, Wang Yi said.",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.txt"), "Other\n\nNothing to see here.").unwrap();
        let query = crate::query::parse("\"rock solid\"").unwrap();
        let plan = Plan {
            analyzer: Analyzer::none()
                .with_families(true)
                .with_terms(crate::query::TermCounter::new(&query)),
            keep: crate::query::prefilter(&query),
            drop_text: true,
            ..PLAN()
        };
        let mut got = Vec::new();
        load(&[dir.path().to_path_buf()], plan, &Cancel::default(), |e| {
            if let LoadEvent::Batch { articles, facts, .. } = e {
                got.extend(articles.into_iter().zip(facts));
            }
        });
        // b.txt cannot match and is dropped unread; a.txt keeps its title,
        // word count and facts, not its text
        assert_eq!(got.len(), 1);
        let (a, f) = &got[0];
        assert_eq!((a.meta.title.as_str(), a.words, &*a.body), ("Ties", 8, ""));
        assert_eq!(f.terms.as_deref(), Some(&[1][..]));
        assert!(f.families.as_ref().is_some_and(|fam| !fam.is_empty()));
    }

    #[test]
    fn staged_loads_analyse_after_reading() {
        let plan = Plan {
            analyzer: Analyzer::new(),
            staged: true,
            keep: None,
            mine: None,
            drop_text: false,
        };
        let mut ev = Vec::new();
        load(&[], plan, &Cancel::default(), |e| ev.push(e));
        // articles first, without facts; then one phase per analysis
        assert!(matches!(&ev[1], LoadEvent::Batch { facts, .. } if facts.iter().all(|f| f.quotes.is_none())));
        // the date order, made here rather than on the UI thread
        let bundled = store::bundled_articles();
        let dates: Vec<Option<store::Date>> = bundled.iter().map(|a| a.date).collect();
        let dated = ev.iter().find_map(|e| match e {
            LoadEvent::Dated { order } => Some(order.ids.clone()),
            _ => None,
        });
        assert_eq!(dated, Some(DateOrder::of(&dates).ids));
        assert!(dates.iter().any(Option::is_some));
        let phases: Vec<Phase> = ev
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Phase { phase, .. } => Some(*phase),
                _ => None,
            })
            .collect();
        assert_eq!(phases, [Phase::Indexing, Phase::ExtractingSpeakers]);
        let quoted: usize = ev
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Analysed { facts, .. } => {
                    Some(facts.iter().filter(|f| f.quotes.is_some()).count())
                }
                _ => None,
            })
            .sum();
        assert_eq!(quoted, 5);
    }

    #[test]
    fn batches_cover_every_file() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..1100 {
            std::fs::write(
                dir.path().join(format!("{i:05}.txt")),
                format!("Title {i}\n\nbody {i}"),
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("zz.txt"), "").unwrap();
        let ev = collect(&[dir.path().to_path_buf()], &Cancel::default());
        let mut articles = 0;
        let mut issues = 0;
        let mut last_done = 0;
        for e in &ev {
            if let LoadEvent::Batch {
                articles: a,
                issues: i,
                files_done,
                ..
            } = e
            {
                articles += a.len();
                issues += i.len();
                assert!(*files_done > last_done);
                last_done = *files_done;
            }
        }
        assert_eq!(articles, 1100);
        assert_eq!(issues, 1);
        assert_eq!(last_done, 1101);
        // headless: one big batch; the TUI's staged loads: batches of 512
        assert_eq!(
            ev.iter().filter(|e| matches!(e, LoadEvent::Batch { .. })).count(),
            1
        );
        let staged = Plan {
            staged: true,
            analyzer: Analyzer::none(),
            ..PLAN()
        };
        let mut batches = 0;
        load(&[dir.path().to_path_buf()], staged, &Cancel::default(), |e| {
            if matches!(e, LoadEvent::Batch { .. }) {
                batches += 1;
            }
        });
        assert_eq!(batches, 3);
    }

    #[test]
    fn cancelling_stops_between_batches() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..2000 {
            std::fs::write(dir.path().join(format!("{i:05}.txt")), "T t\n\nb").unwrap();
        }
        let cancel = Cancel::default();
        let mut batches = 0;
        load(&[dir.path().to_path_buf()], PLAN(), &cancel, |e| {
            if matches!(e, LoadEvent::Batch { .. }) {
                batches += 1;
                cancel.cancel();
            }
        });
        assert_eq!(
            batches, 1,
            "stopped after the batch during which it was cancelled"
        );
    }
}
