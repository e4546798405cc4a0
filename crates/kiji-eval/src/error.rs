//! Errors of the scorer, each naming the file (and line) it came from.

use std::path::PathBuf;

/// Everything that can go wrong while reading gold or predictions, label
/// maps, baselines or while writing a report.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A JSONL line is not valid JSON or lacks a required field.
    #[error("{}:{line}: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// A line is well-formed but its content is not acceptable: offsets out
    /// of range, a span whose text differs from the document, an unknown
    /// label, a duplicate document id.
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line number (the CSV record's line for sheets).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A CSV sheet could not be parsed.
    #[error("{}: {source}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: csv::Error,
    },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
}

impl EvalError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn invalid(path: &std::path::Path, line: usize, message: impl Into<String>) -> Self {
        EvalError::Invalid {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}
