//! Scoring kiji's entities against gold annotations (`kiji eval`).
//!
//! The rules are those of `ANNOTATION.md`: strict, boundary and partial
//! matching, precision/recall/F1 per type and micro-averaged, and the
//! accuracy of canonical names and normalised values. The crate does not
//! depend on the pipeline: [`cli::run`] takes a prediction function, or
//! reads predictions from a file.
//!
//! ```
//! use kiji_eval::{parse_gold, score, EvalOptions};
//! use std::path::Path;
//!
//! let gold = parse_gold(
//!     r#"{"id":"a","text":"OpenAI and Sam Altman","entities":[{"start":0,"end":6,"type":"ORG"},{"start":11,"end":21,"type":"PERSON"}]}"#,
//!     Path::new("gold.jsonl"),
//!     None,
//! )?;
//! let mut pred = gold.clone();
//! pred[0].entities.truncate(1);
//! let report = score(&gold, &pred, &EvalOptions::default());
//! assert_eq!(report.strict.micro.precision(), 1.0);
//! assert_eq!(report.strict.micro.recall(), 0.5);
//! # Ok::<(), kiji_eval::EvalError>(())
//! ```

pub mod cli;
mod error;
mod gold;
pub mod labels;
mod report;
mod score;
mod sheet;

pub use error::EvalError;
pub use gold::{
    parse_gold, parse_predictions, read_gold, read_predictions, GoldDoc, GoldEntity, IgnoredSpan,
};
pub use labels::LabelMap;
pub use report::JSON_VERSION;
pub use score::{
    fold, score, Accuracy, Counts, ErrorExample, ErrorKind, EvalOptions, Label, ModeScores, Report,
};
pub use sheet::{parse_sheet_gold, read_sheet_gold, score_sheet, SheetGold, SheetKey, SheetReport};
