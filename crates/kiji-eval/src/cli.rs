//! The `kiji eval` subcommand, kept here so the `kiji` binary stays thin:
//! it flattens [`EvalArgs`] into its command line and calls [`run`] with a
//! function that runs the pipeline on one gold document.

use crate::{
    read_gold, read_predictions, read_sheet_gold, score, score_sheet, EvalError, EvalOptions,
    GoldDoc, GoldEntity, LabelMap,
};
use kiji_core::{Entity, EntityType};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `kiji eval`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EvalArgs {
    /// Gold file: JSONL as in ANNOTATION.md, or a CSV sheet
    /// (doc_id,type,text|canonical) for set-level scoring.
    pub gold: PathBuf,
    /// Score this documents.jsonl instead of running the pipeline on the
    /// gold texts (required for a CSV sheet, which has no text).
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,
    /// Score only these types, e.g. PERSON,ORG,LOCATION (for gold files
    /// that annotate only some types).
    #[arg(long, value_name = "T,...", value_delimiter = ',', value_parser = parse_type)]
    pub types: Option<Vec<EntityType>>,
    /// Translate gold labels: irex, ontonotes, stockmark, or a file of
    /// FROM=TO lines (TO may be O to drop or IGNORE to ignore the span).
    #[arg(long, value_name = "NAME|FILE")]
    pub map: Option<String>,
    /// Also write the full report as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Show up to N examples of each kind of error, with context.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// Show the change of every figure against an earlier --json file.
    #[arg(long, value_name = "FILE.json")]
    pub baseline: Option<PathBuf>,
    /// Fail (exit status 1) when strict micro F1 is below F1 (0 to 1).
    #[arg(long, value_name = "F1")]
    pub fail_under: Option<f64>,
}

fn parse_type(s: &str) -> Result<EntityType, String> {
    s.parse::<EntityType>().map_err(|e| e.to_string())
}

/// Runs `kiji eval`, printing to standard output. `predict` is called for
/// each gold document (with its text and date) when `--pred` is absent.
/// Returns whether the `--fail-under` threshold was met (true without one).
pub fn run(
    args: &EvalArgs,
    predict: &mut dyn FnMut(&GoldDoc) -> Vec<Entity>,
) -> Result<bool, EvalError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    run_to(args, predict, &mut out)
}

/// [`run`] writing to `out` instead of standard output.
pub fn run_to(
    args: &EvalArgs,
    predict: &mut dyn FnMut(&GoldDoc) -> Vec<Entity>,
    out: &mut dyn Write,
) -> Result<bool, EvalError> {
    if let Some(f) = args.fail_under {
        if !(0.0..=1.0).contains(&f) {
            return Err(EvalError::Usage(format!(
                "--fail-under {f}: expected an F1 between 0 and 1"
            )));
        }
    }
    let map = args.map.as_deref().map(LabelMap::resolve).transpose()?;
    let is_sheet = args
        .gold
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let stdout_err = |e| EvalError::io(Path::new("<stdout>"), e);

    let (text, mut json, f1) = if is_sheet {
        let Some(pred_path) = &args.pred else {
            return Err(EvalError::Usage(format!(
                "{}: a CSV sheet has no text to run the pipeline on; pass --pred documents.jsonl",
                args.gold.display()
            )));
        };
        if args.baseline.is_some() {
            return Err(EvalError::Usage(
                "--baseline compares JSONL gold reports; it is not available for CSV sheets".into(),
            ));
        }
        let sheet = read_sheet_gold(&args.gold, map.as_ref())?;
        let pred = read_predictions(pred_path)?;
        let report = score_sheet(&sheet, &pred, args.types.as_deref());
        (report.table(), report.to_json(), report.micro_f1())
    } else {
        let gold = read_gold(&args.gold, map.as_ref())?;
        let pred = match &args.pred {
            Some(p) => read_predictions(p)?,
            None => gold
                .iter()
                .map(|g| GoldDoc {
                    id: g.id.clone(),
                    text: g.text.clone(),
                    date: g.date.clone(),
                    entities: predict(g).iter().map(GoldEntity::from_entity).collect(),
                    ignored: Vec::new(),
                })
                .collect(),
        };
        let opts = EvalOptions {
            types: args.types.clone(),
            errors: args.errors,
        };
        let report = score(&gold, &pred, &opts);
        let mut text = report.table();
        text.push('\n');
        text.push_str(&report.confusion_table());
        if args.errors > 0 && !report.errors.is_empty() {
            text.push_str("\nerrors (up to ");
            text.push_str(&args.errors.to_string());
            text.push_str(" of each kind)\n");
            text.push_str(&report.errors_text());
        }
        if let Some(b) = &args.baseline {
            let raw = std::fs::read_to_string(b).map_err(|e| EvalError::io(b, e))?;
            let baseline: Value = serde_json::from_str(&raw).map_err(|source| EvalError::Json {
                path: b.clone(),
                line: source.line(),
                source,
            })?;
            text.push('\n');
            text.push_str(&report.diff_table(&baseline));
        }
        (text, report.to_json(), report.strict_micro_f1())
    };

    if let Value::Object(o) = &mut json {
        o.insert("gold".into(), args.gold.display().to_string().into());
        o.insert(
            "pred".into(),
            args.pred
                .as_ref()
                .map_or_else(|| "pipeline".to_string(), |p| p.display().to_string())
                .into(),
        );
        o.insert(
            "map".into(),
            map.as_ref().map_or(Value::Null, |m| m.name().into()),
        );
    }
    out.write_all(text.as_bytes()).map_err(stdout_err)?;
    if let Some(path) = &args.json {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| EvalError::io(dir, e))?;
        }
        let mut body = serde_json::to_string_pretty(&json).map_err(|source| EvalError::Json {
            path: path.clone(),
            line: 0,
            source,
        })?;
        body.push('\n');
        std::fs::write(path, body).map_err(|e| EvalError::io(path, e))?;
    }
    let passed = args.fail_under.is_none_or(|t| f1 >= t);
    if let Some(t) = args.fail_under {
        writeln!(
            out,
            "\n{} F1 {f1:.3} {} --fail-under {t:.3}: {}",
            if is_sheet { "micro" } else { "strict micro" },
            if passed { ">=" } else { "<" },
            if passed { "pass" } else { "FAIL" }
        )
        .map_err(stdout_err)?;
    }
    Ok(passed)
}
