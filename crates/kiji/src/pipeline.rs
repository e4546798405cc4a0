//! One document through every stage: detect → tokenize → extract → resolve.

use std::path::PathBuf;

use anyhow::Context;
use kiji_core::{Analysis, Checkpoints, Document, OffsetMap};
use kiji_extract::{DocContext, DocDate, Extractor};
use kiji_tokenizer::{Options, Tokenizer, TokenizerConfig, Worker};

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
        })
    }

    /// Per-thread state for [`Pipeline::analyse`].
    pub fn thread_state(&self) -> ThreadState {
        ThreadState {
            worker: self.tokenizer.worker(),
        }
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
        let detected = kiji_langdetect::analyse(&doc.text, &offsets);
        // A buffer per document, sized from the text (about one token per
        // five bytes in news text), freed with the document: buffers kept
        // for reuse would keep the capacity of the largest documents seen,
        // and memory would creep up with the length of the input.
        let mut tokens = Vec::with_capacity(doc.text.len() / 5);
        let mut error = None;
        if let Err(e) = st.worker.tokenize(
            &doc.text,
            &detected.sentences,
            &offsets,
            Options::default(),
            &mut tokens,
        ) {
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
        let entities = self.extractor.extract(&cx);
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
