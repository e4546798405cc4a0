//! `kiji run`: the streaming, parallel driver.
//!
//! Three stages connected by bounded channels, so memory does not grow with
//! the input:
//!
//! ```text
//! reader thread ──batches──▶ rayon (analyse in parallel) ──ordered batches──▶ writer thread
//! ```
//!
//! Each batch is analysed with `par_iter` and collected in input order, and
//! batches are written in the order they were read, so the output is the same
//! whatever the thread count.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use anyhow::{bail, Context};
use kiji_core::{Analysis, Failure};
use kiji_export::{ExportOptions, Exporter, RunManifest, Summary};
use kiji_ingest::{IngestOptions, Record};
use rayon::prelude::*;

use crate::pipeline::{Pipeline, PipelineConfig, ThreadState};

/// Documents per batch; a batch is also closed at [`BATCH_BYTES`].
const BATCH_DOCS: usize = 256;
/// Text bytes per batch: bounds memory when documents are large.
const BATCH_BYTES: usize = 8 << 20;

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

    // Reader: batches of records, at most two batches ahead.
    let (batch_tx, batch_rx) = sync_channel::<Vec<Record>>(2);
    let stop = interrupted.clone();
    let reader_thread = std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH_DOCS);
        let mut bytes = 0usize;
        for record in reader {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if let Record::Doc(d) = &record {
                bytes += d.text.len();
            }
            batch.push(record);
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                if batch_tx.send(std::mem::take(&mut batch)).is_err() {
                    return;
                }
                bytes = 0;
            }
        }
        if !batch.is_empty() {
            let _ = batch_tx.send(batch);
        }
    });

    // Writer: one thread, batches in order.
    let (out_tx, out_rx) = sync_channel::<Vec<Outcome>>(2);
    let writer_bar = bar.clone();
    let writer_bytes = progress_bytes.clone();
    let writer_thread =
        std::thread::spawn(move || write_all(exporter, out_rx, writer_bar, writer_bytes));

    // One lindera worker (and its caches) per pool thread for the whole run.
    // `map_init` would build a fresh one for every piece rayon splits a batch
    // into. Each slot is only ever locked by its own thread: no contention.
    let states: Vec<Mutex<Option<ThreadState>>> = (0..threads).map(|_| Mutex::new(None)).collect();
    for batch in batch_rx {
        if interrupted.load(Ordering::Relaxed) {
            break;
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|record| {
                    let slot = rayon::current_thread_index().unwrap_or(0) % threads;
                    let mut state = states[slot].lock().unwrap_or_else(|e| e.into_inner());
                    let st = state.get_or_insert_with(|| pipeline.thread_state());
                    process(&pipeline, st, record)
                })
                .collect()
        });
        if out_tx.send(outcomes).is_err() {
            break;
        }
    }
    drop(out_tx);
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

/// Analyses one record; a panic in any stage becomes that document's failure.
fn process(pipeline: &Pipeline, st: &mut ThreadState, record: Record) -> Outcome {
    let doc = match record {
        Record::Doc(d) => d,
        Record::Failed(f) => return Outcome::Failed(f),
    };
    let source = doc.source.clone();
    let id = doc.id.clone();
    match std::panic::catch_unwind(AssertUnwindSafe(|| pipeline.analyse(st, doc))) {
        Ok(a) => Outcome::Done(a),
        Err(panic) => {
            // The worker may be mid-sentence: start afresh.
            *st = pipeline.thread_state();
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Outcome::Failed(Failure {
                source,
                id: Some(id),
                reason: format!("internal error while analysing: {msg}"),
            })
        }
    }
}

fn write_all(
    mut exporter: Exporter,
    rx: Receiver<Vec<Outcome>>,
    bar: Option<indicatif::ProgressBar>,
    bytes: Arc<AtomicU64>,
) -> anyhow::Result<Exporter> {
    let mut docs = 0u64;
    for batch in rx {
        docs += batch.len() as u64;
        for outcome in batch {
            match outcome {
                Outcome::Done(a) => exporter.write(&a)?,
                Outcome::Failed(f) => exporter.write_failure(&f)?,
            }
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
