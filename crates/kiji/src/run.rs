//! `kiji run`: the streaming, parallel driver.
//!
//! Three stages connected by bounded channels, so memory does not grow with
//! the input:
//!
//! ```text
//! reader thread ──groups──▶ rayon tasks (one per group) ──numbered groups──▶ writer thread
//! ```
//!
//! The reader cuts the input into groups of documents; each group is one
//! rayon task, which tokenises all its documents and then extracts from
//! them (each stage's tables stay in the caches over the group). Tasks run
//! as threads free up, with no barrier between groups; the writer puts the
//! groups back in input order, so the output is the same whatever the
//! thread count. At most [`IN_FLIGHT_PER_THREAD`] groups per thread are
//! between the reader and the written output.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use anyhow::{bail, Context};
use kiji_core::{Analysis, Failure};
use kiji_export::{ExportOptions, Exporter, RunManifest, Summary};
use kiji_ingest::{IngestOptions, Record};

use crate::pipeline::{Pipeline, PipelineConfig, Prepared, ThreadState};

/// Documents per group; a group is also closed at [`GROUP_BYTES`].
const GROUP_DOCS: usize = 64;
/// Text bytes per group: bounds memory when documents are large.
const GROUP_BYTES: usize = 1 << 20;
/// Groups per worker thread read, analysed or waiting to be written at
/// any time.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// Everything `kiji run` needs.
pub struct RunConfig {
    /// Files, folders, dumps, or `-`.
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    pub out: PathBuf,
    /// Overwrite a non-empty output folder.
    pub force: bool,
    /// Worker threads (0 = all cores).
    pub threads: usize,
    /// How to read inputs.
    pub ingest: IngestOptions,
    /// What to write.
    pub export: ExportOptions,
    /// Dictionaries and gazetteers.
    pub pipeline: PipelineConfig,
    /// Show a progress bar (only when stderr is a terminal).
    pub progress: bool,
    /// The options as given, for `run.json`.
    pub options_json: serde_json::Value,
}

/// An input after the pipeline: an analysis or a failure.
enum Outcome {
    Done(Analysis),
    Failed(Failure),
}

/// Runs the whole job; returns the summary of what was written.
pub fn run(cfg: RunConfig, interrupted: Arc<AtomicBool>) -> anyhow::Result<Summary> {
    let started = SystemTime::now();
    let clock = Instant::now();
    check_output_folder(&cfg.inputs, &cfg.out, cfg.force)?;

    let threads = if cfg.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        cfg.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;

    let pipeline = Pipeline::new(&cfg.pipeline)?;
    let reader = kiji_ingest::open(&cfg.inputs, &cfg.ingest)?;
    let total_bytes = reader.total_bytes();
    let progress_bytes = reader.progress();
    let exporter = Exporter::create(&cfg.out, &cfg.export)
        .with_context(|| format!("cannot write into {}", cfg.out.display()))?;

    let bar = cfg.progress.then(|| progress_bar(total_bytes));

    // Reader: groups of records, at most two groups ahead of the tasks.
    let (group_tx, group_rx) = sync_channel::<Vec<Record>>(2);
    let stop = interrupted.clone();
    let reader_thread = std::thread::spawn(move || {
        let mut group = Vec::with_capacity(GROUP_DOCS);
        let mut bytes = 0usize;
        for record in reader {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if let Record::Doc(d) = &record {
                bytes += d.text.len();
            }
            group.push(record);
            if group.len() >= GROUP_DOCS || bytes >= GROUP_BYTES {
                if group_tx.send(std::mem::take(&mut group)).is_err() {
                    return;
                }
                bytes = 0;
            }
        }
        if !group.is_empty() {
            let _ = group_tx.send(group);
        }
    });

    // Writer: one thread, groups put back in order. A permit is taken for
    // each group before its task starts and given back once it is written,
    // which bounds the groups in flight (and the writer's reorder buffer).
    let in_flight = threads * IN_FLIGHT_PER_THREAD;
    let (done_tx, done_rx) = sync_channel::<(usize, Vec<Outcome>)>(in_flight);
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    let writer_bar = bar.clone();
    let writer_bytes = progress_bytes.clone();
    let writer_thread = std::thread::spawn(move || {
        write_all(exporter, done_rx, permit_rx, writer_bar, writer_bytes)
    });

    // Each task takes a lindera worker (and its caches) from the pipeline's
    // spares and gives it back: about one per thread for the whole run,
    // and a lock taken twice per group, never held while working.
    pool.in_place_scope(|scope| {
        for (index, group) in group_rx.iter().enumerate() {
            if interrupted.load(Ordering::Relaxed) || permit_tx.send(()).is_err() {
                break;
            }
            let done_tx = done_tx.clone();
            let pipeline = &pipeline;
            scope.spawn(move |_| {
                let mut st = pipeline.take_state();
                let outcomes = process_group(pipeline, &mut st, group);
                pipeline.give_back(st);
                // The writer may have stopped on an error: it says so itself.
                let _ = done_tx.send((index, outcomes));
            });
        }
    });
    drop(done_tx);
    // Unblocks the reader if the loop above stopped early.
    drop(group_rx);
    let _ = reader_thread.join();
    let exporter = match writer_thread.join() {
        Ok(result) => result?,
        Err(_) => bail!("the output writer crashed"),
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if interrupted.load(Ordering::Relaxed) {
        exporter.abort();
        bail!(
            "interrupted: no output was written to {}",
            cfg.out.display()
        );
    }

    let manifest = RunManifest {
        version: env!("CARGO_PKG_VERSION").to_string(),
        options: cfg.options_json,
        inputs: cfg.inputs.iter().map(|p| p.display().to_string()).collect(),
        started: kiji_export::rfc3339(started),
        finished: kiji_export::rfc3339(SystemTime::now()),
        threads,
        elapsed_secs: clock.elapsed().as_secs_f64(),
        bytes: progress_bytes.load(Ordering::Relaxed),
    };
    let summary = exporter
        .finish(&manifest)
        .with_context(|| format!("cannot finish the outputs in {}", cfg.out.display()))?;
    Ok(summary)
}

/// Analyses a group of records: tokenises every document, then extracts
/// from each. A panic in any stage becomes that document's failure.
fn process_group(pipeline: &Pipeline, st: &mut ThreadState, group: Vec<Record>) -> Vec<Outcome> {
    let prepared: Vec<Result<Prepared, Failure>> = group
        .into_iter()
        .map(|record| match record {
            Record::Doc(doc) => {
                let (source, id) = (doc.source.clone(), doc.id.clone());
                guarded(pipeline, st, source, id, |st| pipeline.prepare(st, doc))
            }
            Record::Failed(f) => Err(f),
        })
        .collect();
    prepared
        .into_iter()
        .map(|p| {
            p.and_then(|p| {
                let (source, id) = (p.doc().source.clone(), p.doc().id.clone());
                guarded(pipeline, st, source, id, |_| pipeline.finish(p))
            })
            .map_or_else(Outcome::Failed, Outcome::Done)
        })
        .collect()
}

/// Runs one stage on one document; a panic becomes the document's failure
/// and the thread state starts afresh (the worker may be mid-sentence).
fn guarded<T>(
    pipeline: &Pipeline,
    st: &mut ThreadState,
    source: kiji_core::Source,
    id: String,
    stage: impl FnOnce(&mut ThreadState) -> T,
) -> Result<T, Failure> {
    match std::panic::catch_unwind(AssertUnwindSafe(|| stage(st))) {
        Ok(t) => Ok(t),
        Err(panic) => {
            *st = pipeline.thread_state();
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Failure {
                source,
                id: Some(id),
                reason: format!("internal error while analysing: {msg}"),
            })
        }
    }
}

/// Writes the groups in input order as they arrive (numbered, in any
/// order), giving back a permit for each group written.
fn write_all(
    mut exporter: Exporter,
    rx: Receiver<(usize, Vec<Outcome>)>,
    permits: Receiver<()>,
    bar: Option<indicatif::ProgressBar>,
    bytes: Arc<AtomicU64>,
) -> anyhow::Result<Exporter> {
    let mut docs = 0u64;
    let mut waiting: BTreeMap<usize, Vec<Outcome>> = BTreeMap::new();
    let mut next = 0usize;
    for (index, group) in rx {
        waiting.insert(index, group);
        while let Some(group) = waiting.remove(&next) {
            docs += group.len() as u64;
            for outcome in group {
                match outcome {
                    Outcome::Done(a) => exporter.write(&a)?,
                    Outcome::Failed(f) => exporter.write_failure(&f)?,
                }
            }
            next += 1;
            let _ = permits.recv();
        }
        if let Some(bar) = &bar {
            bar.set_position(bytes.load(Ordering::Relaxed));
            bar.set_message(format!("{docs} docs"));
        }
    }
    Ok(exporter)
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let style = match total {
        Some(_) => "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
        None => "{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec} {msg}",
    };
    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::no_length(),
    };
    if let Ok(s) = indicatif::ProgressStyle::with_template(style) {
        bar.set_style(s);
    }
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar
}

/// Refuses an output folder inside an input, and a non-empty one without
/// `--force`.
fn check_output_folder(inputs: &[PathBuf], out: &Path, force: bool) -> anyhow::Result<()> {
    let out_abs = absolute(out);
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        let input_abs = absolute(input);
        if out_abs.starts_with(&input_abs) || input_abs.starts_with(&out_abs) {
            bail!(
                "output folder {} overlaps input {}: choose another -o",
                out.display(),
                input.display()
            );
        }
    }
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() && !force {
                bail!(
                    "output folder {} is not empty: pass --force to overwrite",
                    out.display()
                );
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(out)
                .with_context(|| format!("cannot create output folder {}", out.display()))?;
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot use output folder {}", out.display()))
        }
    }
    Ok(())
}

/// The canonical path when it exists, else the path joined to the current
/// folder, so comparisons see through `./` and symlinks.
fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}
