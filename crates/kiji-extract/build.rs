//! Embeds the shipped dictionaries.
//!
//! Lists every `dictionaries/entities/*.tsv` of the workspace and writes
//! `$OUT_DIR/builtin_dictionaries.rs` with one `include_str!` per file, so a
//! new dictionary file is compiled in without a code change. Cargo re-runs
//! this script when the folder (a file added or removed) or a file changes.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dir = manifest.join("../../dictionaries/entities");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    // A missing folder (crate built outside the workspace) ships no data.
    if let Ok(read) = fs::read_dir(&dir) {
        for item in read.flatten() {
            let path = item.path();
            if path.extension().is_some_and(|e| e == "tsv") && path.is_file() {
                println!("cargo:rerun-if-changed={}", path.display());
                let name = item.file_name().to_string_lossy().into_owned();
                let abs = path.canonicalize().unwrap_or(path);
                files.push((name, abs));
            }
        }
    }
    // Sorted, so the load order (and conflict precedence) is deterministic.
    files.sort();
    let mut code = String::from(
        "/// (file name, contents) of the shipped dictionaries, sorted by name.\n\
         static BUILTIN: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let target = out_dir.join("builtin_dictionaries.rs");
    // Rewrite only on change, so dependants are not rebuilt for nothing.
    if fs::read_to_string(&target).ok().as_deref() != Some(code.as_str()) {
        fs::write(&target, code).expect("write builtin_dictionaries.rs into OUT_DIR");
    }
}
