//! One document through every stage: detect → tokenize → extract → resolve.

use std::path::PathBuf;

use anyhow::Context;
use kiji_core::{Analysis, Document, OffsetMap};
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

/// Per-thread state: a lindera worker and reusable buffers.
pub struct ThreadState {
    worker: Worker,
    tokens: Vec<kiji_core::Token>,
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
            tokens: Vec::new(),
        }
    }

    /// Runs every stage on one document. Never fails: a stage error becomes
    /// the analysis' `error`.
    pub fn analyse(&self, st: &mut ThreadState, doc: Document) -> Analysis {
        let offsets = OffsetMap::new(&doc.text);
        let detected = kiji_langdetect::analyse(&doc.text, &offsets);
        st.tokens.clear();
        let mut error = None;
        if let Err(e) = st.worker.tokenize(
            &doc.text,
            &detected.sentences,
            &offsets,
            Options::default(),
            &mut st.tokens,
        ) {
            error = Some(e.to_string());
        }
        let date = doc.date_str().and_then(DocDate::parse);
        let cx = DocContext {
            text: &doc.text,
            sentences: &detected.sentences,
            tokens: &st.tokens,
            date,
            offsets: &offsets,
        };
        let entities = self.extractor.extract(&cx);
        let token_count = st.tokens.len();
        // A huge document must not keep a huge buffer alive for the thread.
        if st.tokens.capacity() > 1 << 20 {
            st.tokens = Vec::new();
        }
        drop(offsets);
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
