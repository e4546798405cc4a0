//! One document through every stage: detect → tokenize → extract → resolve.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

use anyhow::Context;
use kiji_core::{Analysis, Checkpoints, Document, OffsetMap, Sentence, Token};
use kiji_extract::{DocContext, DocDate, Extractor};
use kiji_tokenizer::{Options, Tokenizer, TokenizerConfig, TokenizerError, Worker};
use rayon::prelude::*;

/// Documents of at least this many bytes have their sentences' languages
/// detected and their sentences tokenised by all the threads of the pool
/// that are free, and their recognisers run side by side: one very long
/// document (a book, a whole site in one file) would otherwise keep one
/// core busy while the others wait.
pub const SPLIT_BYTES: usize = 256 * 1024;

/// Bytes of text per run of sentences when a document is split: small
/// enough to share a document among the threads, large enough (a few
/// milliseconds of work) that handing runs out costs nothing.
const RUN_BYTES: usize = 64 * 1024;

/// How the pipeline is configured (from the command line).
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// A compiled lindera dictionary to use instead of the embedded IPADIC.
    pub dict: Option<PathBuf>,
    /// User dictionary CSVs added to the shipped ones.
    pub user_dicts: Vec<PathBuf>,
    /// Gazetteer TSVs added to the shipped ones.
    pub gazetteers: Vec<PathBuf>,
    /// Skip the shipped user dictionary and gazetteer (for measuring them).
    pub no_builtin: bool,
}

/// Everything built once and shared by all threads.
pub struct Pipeline {
    tokenizer: Tokenizer,
    extractor: Extractor,
    /// Thread states not in use ([`Pipeline::take_state`]): a lindera
    /// worker keeps its lattice and caches from one task to the next.
    spare: Mutex<Vec<ThreadState>>,
}

/// Per-thread state: a lindera worker.
pub struct ThreadState {
    worker: Worker,
}

/// A document after detection and tokenisation, waiting for extraction
/// ([`Pipeline::prepare`], then [`Pipeline::finish`]).
pub struct Prepared {
    doc: Document,
    detected: kiji_langdetect::Detected,
    tokens: Vec<kiji_core::Token>,
    /// The offset map of the text, kept for extraction.
    offsets: Checkpoints,
    error: Option<String>,
}

impl Pipeline {
    /// Loads dictionaries and builds the recognisers.
    pub fn new(cfg: &PipelineConfig) -> anyhow::Result<Self> {
        let tokenizer = Tokenizer::new(&TokenizerConfig {
            dict: cfg.dict.clone(),
            user_dicts: cfg.user_dicts.clone(),
            shipped_user_dictionary: !cfg.no_builtin,
        })?;
        let extractor = kiji_extract::standard_extractor(&cfg.gazetteers, !cfg.no_builtin)
            .context("cannot build the entity extractor")?;
        Ok(Pipeline {
            tokenizer,
            extractor,
            spare: Mutex::new(Vec::new()),
        })
    }

    /// Per-thread state for [`Pipeline::analyse`].
    pub fn thread_state(&self) -> ThreadState {
        ThreadState {
            worker: self.tokenizer.worker(),
        }
    }

    /// A thread state from those given back, or a new one. The lock is
    /// held only to pop, once per task: a task then works on its own
    /// state, and a thread that takes up another task while it waits (as
    /// rayon threads do) takes another state instead of waiting on its own.
    pub fn take_state(&self) -> ThreadState {
        let spare = self.spare.lock().unwrap_or_else(|e| e.into_inner()).pop();
        spare.unwrap_or_else(|| self.thread_state())
    }

    /// Gives a state back for [`Pipeline::take_state`]. (A state whose task
    /// panicked is not given back but dropped: its worker may be
    /// mid-sentence.)
    pub fn give_back(&self, st: ThreadState) {
        self.spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(st);
    }

    /// Runs every stage on one document. Never fails: a stage error becomes
    /// the analysis' `error`.
    pub fn analyse(&self, st: &mut ThreadState, doc: Document) -> Analysis {
        let prepared = self.prepare(st, doc);
        self.finish(prepared)
    }

    /// Sentence splitting, language detection and tokenisation. Apart from
    /// [`Pipeline::finish`] so that a thread can tokenise a group of
    /// documents and then extract from them, keeping each stage's tables
    /// in the caches over the group.
    pub fn prepare(&self, st: &mut ThreadState, doc: Document) -> Prepared {
        let offsets = OffsetMap::new(&doc.text);
        let detected = if shared(&doc.text) {
            kiji_langdetect::analyse_parallel(&doc.text, &offsets)
        } else {
            kiji_langdetect::analyse(&doc.text, &offsets)
        };
        // A buffer per document, sized from the text (about one token per
        // five bytes in news text), freed with the document: buffers kept
        // for reuse would keep the capacity of the largest documents seen,
        // and memory would creep up with the length of the input.
        let mut tokens = Vec::with_capacity(doc.text.len() / 5);
        let mut error = None;
        if let Err(e) = self.tokenize(st, &doc.text, &detected.sentences, &offsets, &mut tokens) {
            error = Some(e.to_string());
        }
        Prepared {
            offsets: offsets.into_checkpoints(),
            doc,
            detected,
            tokens,
            error,
        }
    }

    /// Tokenises the sentences of `text` into `tokens`: with `st`, or, for a
    /// document of [`SPLIT_BYTES`] or more inside a pool of several
    /// threads, in runs of sentences that the pool's free threads take up.
    /// The tokens are the same either way, and so is what an error leaves
    /// in `tokens`: those of the sentences before it.
    fn tokenize(
        &self,
        st: &mut ThreadState,
        text: &str,
        sentences: &[Sentence],
        offsets: &OffsetMap<'_>,
        tokens: &mut Vec<Token>,
    ) -> Result<(), TokenizerError> {
        let opts = Options::default();
        if !shared(text) {
            return st.worker.tokenize(text, sentences, offsets, opts, tokens);
        }
        // The runs take states of their own (the calling thread's included,
        // when it takes up a run while it waits): `st` stays its task's.
        let parts: Vec<(Vec<Token>, Result<(), TokenizerError>)> = runs(sentences, RUN_BYTES)
            .into_par_iter()
            .map(|run| {
                let mut st = self.take_state();
                // Runs are never empty: sized from their first and last
                // sentences, as `prepare` sizes a document's tokens.
                let bytes =
                    sentences[run.end - 1].span.byte_end - sentences[run.start].span.byte_start;
                let mut part = Vec::with_capacity(bytes / 5);
                let first = run.start;
                let result =
                    st.worker
                        .tokenize_from(text, &sentences[run], first, offsets, opts, &mut part);
                self.give_back(st);
                (part, result)
            })
            .collect();
        for (part, result) in parts {
            tokens.extend(part);
            result?;
        }
        Ok(())
    }

    /// Extraction, resolution and linking of a prepared document.
    pub fn finish(&self, p: Prepared) -> Analysis {
        let Prepared {
            doc,
            detected,
            tokens,
            offsets,
            error,
        } = p;
        let offsets = OffsetMap::with_checkpoints(&doc.text, offsets);
        let date = doc.date_str().and_then(DocDate::parse);
        let cx = DocContext {
            text: &doc.text,
            sentences: &detected.sentences,
            tokens: &tokens,
            date,
            offsets: &offsets,
        };
        let entities = if shared(&doc.text) {
            self.extractor.extract_parallel(&cx)
        } else {
            self.extractor.extract(&cx)
        };
        let token_count = tokens.len();
        drop(offsets);
        drop(tokens);
        Analysis {
            doc,
            sentences: detected.sentences,
            lang: detected.lang,
            shares: detected.shares,
            token_count,
            entities,
            error,
        }
    }
}

impl Prepared {
    /// The document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }
}

/// True when `text` is long enough to be shared among threads
/// ([`SPLIT_BYTES`]) and there are threads to share it with: outside a pool
/// (the commands other than `run`) there are none.
fn shared(text: &str) -> bool {
    text.len() >= SPLIT_BYTES
        && rayon::current_thread_index().is_some()
        && rayon::current_num_threads() > 1
}

/// Consecutive runs of `sentences` of about `bytes` bytes of text each
/// (a run holds one sentence at least), covering them all in order.
fn runs(sentences: &[Sentence], bytes: usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, s) in sentences.iter().enumerate() {
        if s.span.byte_end - sentences[start].span.byte_start >= bytes {
            runs.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < sentences.len() {
        runs.push(start..sentences.len());
    }
    runs
}
