//! `kiji`: named entities from mixed Japanese/English article dumps.
//!
//! A thin command line over the library crates: it parses options, builds
//! the [`pipeline::Pipeline`] once, and hands documents to the driver in
//! [`run`]. Errors are reported in one line on stderr.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use kiji_core::{Document, OffsetMap};
use kiji_export::{ExportOptions, Format};
use kiji_ingest::IngestOptions;

use kiji::pipeline::{self, Pipeline, PipelineConfig};
use kiji::run;

/// Finds who, which organisation, where, what product, how much and when in
/// news articles written in Japanese and English.
#[derive(Parser)]
#[command(name = "kiji", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract entities from files, folders, JSONL/CSV dumps or `-` (stdin).
    Run(RunArgs),
    /// Score extraction against gold annotations.
    Eval {
        #[command(flatten)]
        eval: kiji_eval::cli::EvalArgs,
        #[command(flatten)]
        dicts: DictArgs,
    },
    /// Print the tokens of a text or file (debugging view).
    Tokenize {
        /// A file to read; the text is taken from the arguments when absent.
        #[arg(long, short)]
        file: Option<PathBuf>,
        /// Text to tokenise (standard input when neither is given).
        text: Vec<String>,
        #[command(flatten)]
        dicts: DictArgs,
    },
    /// Print the sentences of a text or file with their languages.
    Detect {
        /// A file to read; the text is taken from the arguments when absent.
        #[arg(long, short)]
        file: Option<PathBuf>,
        /// Text to analyse (standard input when neither is given).
        text: Vec<String>,
    },
    /// Work with lindera dictionaries.
    #[command(subcommand)]
    Dict(DictCmd),
}

#[derive(Subcommand)]
enum DictCmd {
    /// Compile a MeCab-format source folder (IPADIC, UniDic, NEologd) into a
    /// dictionary that `--dict` loads.
    Build {
        /// Source folder with *.csv, matrix.def, char.def, unk.def (UTF-8).
        #[arg(long)]
        src: PathBuf,
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
        /// lindera metadata.json describing the source (IPADIC's by default).
        #[arg(long)]
        metadata: Option<PathBuf>,
    },
}

/// Dictionary options shared by the commands that extract.
#[derive(Args, Clone, Default)]
struct DictArgs {
    /// A compiled lindera dictionary folder instead of the embedded IPADIC.
    #[arg(long, value_name = "DIR")]
    dict: Option<PathBuf>,
    /// A lindera user dictionary CSV (repeatable), added to the shipped one.
    #[arg(long = "user-dict", value_name = "FILE")]
    user_dicts: Vec<PathBuf>,
    /// A gazetteer TSV (repeatable), added to the shipped ones.
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,
    /// Do not load the shipped user dictionary and gazetteers.
    #[arg(long)]
    no_builtin: bool,
}

impl DictArgs {
    fn config(&self) -> PipelineConfig {
        PipelineConfig {
            dict: self.dict.clone(),
            user_dicts: self.user_dicts.clone(),
            gazetteers: self.gazetteers.clone(),
            no_builtin: self.no_builtin,
        }
    }
}

#[derive(Args)]
struct RunArgs {
    /// Files, folders (.txt/.md, recursive), JSONL/CSV dumps (.gz/.zst too), or `-`.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    /// Overwrite a non-empty output folder.
    #[arg(long)]
    force: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// Output formats, comma-separated: jsonl, csv, xlsx, html.
    #[arg(long, default_value = "jsonl,csv")]
    format: String,
    /// Start CSV files with a UTF-8 BOM so Excel reads Japanese correctly.
    #[arg(long)]
    excel: bool,
    /// Write tab-separated .tsv tables instead of .csv.
    #[arg(long)]
    tsv: bool,
    /// Keep cells that look like spreadsheet formulas as they are.
    #[arg(long)]
    raw_cells: bool,
    /// JSONL/CSV field with the article text (default: text, body or content).
    #[arg(long)]
    text_field: Option<String>,
    /// JSONL/CSV field with the document id (default: id, else line number).
    #[arg(long)]
    id_field: Option<String>,
    /// JSONL/CSV field with the publication date (default: date).
    #[arg(long)]
    date_field: Option<String>,
    /// Force an input encoding (utf-8, shift_jis, euc-jp, iso-2022-jp, utf-16le, …).
    #[arg(long)]
    encoding: Option<String>,
    /// Longest JSONL line read, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_line_bytes: usize,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    dicts: DictArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.cmd {
        Cmd::Run(args) => cmd_run(args),
        Cmd::Eval { eval, dicts } => cmd_eval(eval, dicts),
        Cmd::Tokenize { file, text, dicts } => cmd_tokenize(file, text, dicts),
        Cmd::Detect { file, text } => cmd_detect(file, text),
        Cmd::Dict(DictCmd::Build { src, out, metadata }) => {
            kiji_tokenizer::build_dictionary(&src, &out, metadata.as_deref())
                .map(|()| {
                    eprintln!("kiji: dictionary written to {}", out.display());
                    ExitCode::SUCCESS
                })
                .map_err(Into::into)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // One clear line: the chain of causes joined.
            eprintln!("kiji: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn cmd_run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let formats = Format::parse_list(&args.format)?;
    let options_json = serde_json::json!({
        "format": args.format,
        "threads": args.threads,
        "excel": args.excel,
        "tsv": args.tsv,
        "raw_cells": args.raw_cells,
        "text_field": args.text_field,
        "id_field": args.id_field,
        "date_field": args.date_field,
        "encoding": args.encoding,
        "max_line_bytes": args.max_line_bytes,
        "dict": args.dicts.dict,
        "user_dicts": args.dicts.user_dicts,
        "gazetteers": args.dicts.gazetteers,
        "no_builtin": args.dicts.no_builtin,
    });
    let cfg = run::RunConfig {
        inputs: args.inputs,
        out: args.out,
        force: args.force,
        threads: args.threads,
        ingest: IngestOptions {
            text_field: args.text_field,
            id_field: args.id_field,
            date_field: args.date_field,
            encoding: args.encoding,
            max_line_bytes: args.max_line_bytes,
        },
        export: ExportOptions {
            formats,
            excel_bom: args.excel,
            tsv: args.tsv,
            raw_cells: args.raw_cells,
        },
        pipeline: args.dicts.config(),
        progress: !args.quiet && std::io::stderr().is_terminal(),
        options_json,
    };
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = interrupted.clone();
    // Ctrl-C: stop reading, drop the temporary outputs, exit non-zero.
    ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed))
        .context("cannot install the Ctrl-C handler")?;
    let summary = run::run(cfg, interrupted)?;
    eprint!("{}", summary.table());
    Ok(ExitCode::SUCCESS)
}

fn cmd_eval(args: kiji_eval::cli::EvalArgs, dicts: DictArgs) -> anyhow::Result<ExitCode> {
    // The pipeline is only needed (and only loaded) without --pred.
    let mut pipeline: Option<(Pipeline, pipeline::ThreadState)> = None;
    let mut load_error = None;
    let ok = kiji_eval::cli::run(&args, &mut |g| {
        if pipeline.is_none() && load_error.is_none() {
            match Pipeline::new(&dicts.config()) {
                Ok(p) => {
                    let st = p.thread_state();
                    pipeline = Some((p, st));
                }
                Err(e) => load_error = Some(e),
            }
        }
        let Some((p, st)) = pipeline.as_mut() else {
            return Vec::new();
        };
        let mut doc = Document::new(g.id.clone(), g.text.clone());
        if let Some(d) = &g.date {
            doc.metadata.insert("date".into(), d.clone().into());
        }
        p.analyse(st, doc).entities
    })?;
    if let Some(e) = load_error {
        return Err(e);
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The text of a debugging command: a file, the arguments, or stdin.
fn input_text(file: Option<PathBuf>, words: Vec<String>) -> anyhow::Result<String> {
    if let Some(path) = file {
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        return Ok(kiji_ingest::decode(&bytes, None).text);
    }
    if !words.is_empty() {
        return Ok(words.join(" "));
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(kiji_ingest::decode(&bytes, None).text)
}

fn cmd_tokenize(
    file: Option<PathBuf>,
    text: Vec<String>,
    dicts: DictArgs,
) -> anyhow::Result<ExitCode> {
    let text = input_text(file, text)?;
    let tokenizer = kiji_tokenizer::Tokenizer::new(&kiji_tokenizer::TokenizerConfig {
        dict: dicts.dict,
        user_dicts: dicts.user_dicts,
        shipped_user_dictionary: !dicts.no_builtin,
    })?;
    let offsets = OffsetMap::new(&text);
    let detected = kiji_langdetect::analyse(&text, &offsets);
    let mut tokens = Vec::new();
    tokenizer.worker().tokenize(
        &text,
        &detected.sentences,
        &offsets,
        kiji_tokenizer::Options { details: true },
        &mut tokens,
    )?;
    let mut out = String::new();
    for t in &tokens {
        let d = t.details.as_deref();
        out.push_str(&format!(
            "{}\t{}..{}\t{:?}\t{}\t{}\t{}\n",
            t.span.slice(&text),
            t.span.start,
            t.span.end,
            t.pos,
            d.map(|d| d.pos.join(",")).unwrap_or_default(),
            d.and_then(|d| d.base_form.clone()).unwrap_or_default(),
            d.and_then(|d| d.reading.clone()).unwrap_or_default(),
        ));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to standard output.
fn emit(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// True when the error comes from a closed standard output (`kiji detect |
/// head`): the reader has what it wanted, which is not a failure.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn cmd_detect(file: Option<PathBuf>, text: Vec<String>) -> anyhow::Result<ExitCode> {
    let text = input_text(file, text)?;
    let offsets = OffsetMap::new(&text);
    let d = kiji_langdetect::analyse(&text, &offsets);
    let shares: Vec<String> = d
        .shares
        .iter()
        .map(|s| format!("{}:{:.2}", s.lang, s.share))
        .collect();
    let mut out = format!("# lang {}  shares {}\n", d.lang, shares.join(" "));
    for (i, s) in d.sentences.iter().enumerate() {
        out.push_str(&format!(
            "{i}\t{}\t{}..{}\t{}\n",
            s.lang,
            s.span.start,
            s.span.end,
            s.span.slice(&text)
        ));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
